import { Module } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { MailOutboxResolver } from './mail-outbox.resolver';
import { MailOutboxService } from './mail-outbox.service';
import { MailTransport } from './mail-transport';
import { OutboxMailTransport } from './outbox-mail.transport';
import { SmtpMailTransport } from './smtp-mail.transport';

@Module({
  providers: [
    {
      provide: MailTransport,
      inject: [ENV],
      useFactory: (env: Env): MailTransport =>
        env.MAIL_TRANSPORT === 'smtp' ? new SmtpMailTransport(env.SMTP_URL!, env.MAIL_FROM) : new OutboxMailTransport(),
    },
    MailOutboxService,
    MailOutboxResolver,
  ],
  exports: [MailTransport],
})
export class MailModule {}
