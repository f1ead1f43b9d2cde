import type { Client } from '../data/apollo-client';
import { pageArgs, read, type ResourceProvider } from '../data/resource-provider';
import { MAIL_OUTBOX, MAIL_OUTBOX_MESSAGE, type OutboxMessage } from './outbox.queries';

/** The local outbox, newest first; supervisors see the mail to their branch's customers. */
export function outboxProvider(client: Client): ResourceProvider<OutboxMessage> {
  const one = async (id: string) => (await read(client, MAIL_OUTBOX_MESSAGE, { id })).mailOutboxMessage;
  return {
    async getList(params) {
      const { skip, take } = pageArgs(params, [], undefined);
      const { mailOutbox } = await read(client, MAIL_OUTBOX, { skip, take });
      return { data: mailOutbox.items, total: mailOutbox.total };
    },
    async getOne({ id }) {
      return { data: await one(String(id)) };
    },
    async getMany({ ids }) {
      return { data: await Promise.all(ids.map((id) => one(String(id)))) };
    },
  };
}
