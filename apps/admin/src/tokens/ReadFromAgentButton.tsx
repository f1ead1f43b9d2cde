import UsbIcon from '@mui/icons-material/Usb';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { readSession } from '../auth/session';
import { ApiErrorNotice } from '../errors/ApiErrorNotice';
import { AgentClient, agentUrlFromLocation } from '../kiosk/agent-client';
import { KioskError, toKioskError } from '../kiosk/kiosk-error';
import { kioskGraphql } from '../kiosk/kiosk-graphql';
import { KIOSKS, PAIR, type KioskOption, type Pairing } from '../kiosk/kiosk-queries';

/**
 * 讀取載具: when a kiosk agent runs at the counter, the teller picks it, and the serial and type come
 * from the token in its reader (CK_TOKEN_INFO) instead of being typed. Pairing is audited like a
 * kiosk session; the agent session ends as soon as the serial is read.
 */
export const ReadFromAgentButton = () => {
  const { setValue } = useFormContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [kiosks, setKiosks] = useState<readonly KioskOption[]>([]);
  const [kioskCode, setKioskCode] = useState('');
  const [busy, setBusy] = useState(false);
  const staffToken = readSession()?.accessToken;

  useEffect(() => {
    if (!staffToken) return;
    kioskGraphql<{ kiosks: KioskOption[] }>(KIOSKS, {}, { staffToken }, locale)
      .then(({ kiosks: all }) => {
        const usable = all.filter((k) => k.active);
        setKiosks(usable);
        setKioskCode((code) => code || (usable[0]?.code ?? ''));
      })
      .catch(() => setKiosks([]));
  }, [staffToken, locale]);

  const read = async () => {
    setBusy(true);
    try {
      const { pairKioskAgent } = await kioskGraphql<{ pairKioskAgent: Pairing }>(
        PAIR,
        { kioskCode },
        { staffToken },
        locale,
      );
      const agent = new AgentClient(agentUrlFromLocation(window.location.search), pairKioskAgent.token, () => locale);
      await agent.startSession();
      try {
        const { tokens } = await agent.tokens();
        const token = tokens.find((t) => t.type !== 'SOFT');
        if (!token) throw new KioskError('TOKEN_NOT_PRESENT', translate('errors.TOKEN_NOT_PRESENT'));
        setValue('serial', token.serial, { shouldDirty: true, shouldValidate: true });
        setValue('type', token.type, { shouldDirty: true });
        setValue('serialSource', 'AGENT', { shouldDirty: true });
      } finally {
        await agent.endSession().catch(() => undefined);
      }
    } catch (e) {
      const error = toKioskError(e);
      notify(<ApiErrorNotice code={error.code} message={error.message} />, { type: 'error', autoHideDuration: 10000 });
    } finally {
      setBusy(false);
    }
  };

  if (kiosks.length === 0) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={translate('resources.tokens.readFromAgent.agent')}
        value={kioskCode}
        onChange={(e) => setKioskCode(e.target.value)}
        sx={{ minWidth: 260 }}
      >
        {kiosks.map((k) => (
          <MenuItem key={k.code} value={k.code}>
            {k.code} {k.name}
          </MenuItem>
        ))}
      </TextField>
      <Button
        label="resources.tokens.readFromAgent.read"
        onClick={() => void read()}
        disabled={busy || !kioskCode}
        variant="outlined"
      >
        <UsbIcon />
      </Button>
    </Stack>
  );
};
