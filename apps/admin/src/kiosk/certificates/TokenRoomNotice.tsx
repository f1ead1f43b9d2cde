import { Alert, Button, Stack } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { AgentClient } from '../agent-client';
import { useKioskI18n } from '../kiosk-i18n';
import { TokenCleanup } from '../token/TokenCleanup';

/** A renewal writes a signing and an encryption certificate next to the old pair. */
export const RENEWAL_CERTIFICATES = 2;

/** Free places after a renewal, or null when the medium has no fixed capacity (or cannot say). */
export function placesAfterRenewal(room: { readonly free?: number } | undefined): number | null {
  return room?.free === undefined ? null : room.free - RENEWAL_CERTIFICATES;
}

/**
 * Before new keys are made: warns when the renewal would fill the token (iKey 6, ezSign 4
 * certificates) and offers the cleanup right here, so the customer need not leave the renewal.
 * `onFits` tells the flow whether the pair can be written at all.
 */
export const TokenRoomNotice = ({
  agent,
  tokenSerial,
  onFits,
}: {
  readonly agent: AgentClient;
  readonly tokenSerial: string;
  readonly onFits: (fits: boolean) => void;
}) => {
  const { t } = useKioskI18n();
  const [after, setAfter] = useState<number | null>(null);
  const [free, setFree] = useState(0);
  const [cleaning, setCleaning] = useState(false);

  const check = useCallback(async () => {
    const { room } = await agent.objects({ serial: tokenSerial });
    const left = placesAfterRenewal(room);
    setAfter(left);
    setFree(room?.free ?? 0);
    onFits(left === null || left >= 0);
  }, [agent, tokenSerial, onFits]);

  useEffect(() => {
    // A failed read leaves the decision to the agent, which refuses a pair that does not fit.
    check().catch(() => onFits(true));
  }, [check, onFits]);

  if (after === null || after > 0) return null;
  return (
    <Stack spacing={2} data-testid="token-room-warning">
      <Alert severity={after < 0 ? 'error' : 'warning'} sx={{ fontSize: '1.2rem' }}>
        {t(after < 0 ? 'kiosk.renew.noRoom' : 'kiosk.renew.nearlyFull', { free, needed: RENEWAL_CERTIFICATES })}
      </Alert>
      {cleaning ? (
        <>
          <TokenCleanup agent={agent} />
          <Button
            size="large"
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => void check().then(() => setCleaning(false))}
          >
            {t('kiosk.renew.recheck')}
          </Button>
        </>
      ) : (
        <Button size="large" variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => setCleaning(true)}>
          {t('kiosk.renew.cleanFirst')}
        </Button>
      )}
    </Stack>
  );
};
