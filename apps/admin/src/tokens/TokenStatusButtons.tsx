import { TokenStatus } from '@app/contracts';
import { ActorChannel, nextTokenStatuses } from '@app/domain';
import ArchiveIcon from '@mui/icons-material/Archive';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { useState, type MouseEvent, type ReactElement } from 'react';
import { Button, Confirm, useNotify, usePermissions, useRecordContext, useRefresh, useUpdate } from 'react-admin';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import type { TokenAction } from './token.provider';
import type { TokenRecord } from './token.queries';

type Step = TokenAction['action'];

const STEPS: Record<Step, { to: TokenStatus; icon: ReactElement }> = {
  lost: { to: TokenStatus.LOST, icon: <ReportProblemIcon /> },
  retire: { to: TokenStatus.RETIRED, icon: <ArchiveIcon /> },
};

/** 遺失 / 停用 for a teller, as the token's state allows; losing one holds its certificates. */
export const TokenStatusButtons = () => {
  const record = useRecordContext<TokenRecord>();
  const { permissions } = usePermissions<string>();
  const [step, setStep] = useState<Step | null>(null);
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useNotifyApiError();
  if (!record || permissions !== 'TELLER') return null;
  const next = nextTokenStatuses(record.status, { channel: ActorChannel.COUNTER });
  const confirm = () => {
    if (!step) return;
    void update(
      'tokens',
      { id: record.id, data: {}, previousData: record, meta: { action: step } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`tokens.${step}.done`, { type: 'success' });
          setStep(null);
          refresh();
        },
        onError,
      },
    );
  };
  const open = (s: Step) => (event: MouseEvent) => {
    event.stopPropagation();
    setStep(s);
  };
  return (
    <>
      {(Object.keys(STEPS) as Step[])
        .filter((s) => next.includes(STEPS[s].to))
        .map((s) => (
          <Button key={s} label={`tokens.${s}.button`} onClick={open(s)} disabled={isPending}>
            {STEPS[s].icon}
          </Button>
        ))}
      <Confirm
        isOpen={step !== null}
        loading={isPending}
        title={`tokens.${step ?? 'lost'}.title`}
        content={`tokens.${step ?? 'lost'}.content`}
        translateOptions={{ serial: record.serial }}
        onConfirm={confirm}
        onClose={() => setStep(null)}
      />
    </>
  );
};
