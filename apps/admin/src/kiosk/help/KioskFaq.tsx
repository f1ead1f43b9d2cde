import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useKioskI18n } from '../kiosk-i18n';
import { FAQ_QUESTIONS } from './faq-entries';
import { MessageCodeTable } from './MessageCodeTable';

const questionAnchor = (id: string) => `faq-${id}`;

function scrollTo(anchor: string): void {
  document.getElementById(anchor)?.scrollIntoView({ block: 'start' });
}

/**
 * 常見問題 (manual function 19) and the message codes (its appendix) with no sign-in: the questions
 * customers ask, then every code the kiosk can show. A question jumps to its code and back;
 * `target` (an error's code) opens at that row.
 */
export const KioskFaq = ({ target = null }: { target?: string | null }) => {
  const { t } = useKioskI18n();
  const [focus, setFocus] = useState<string | null>(target);
  const go = (anchor: string) => {
    setFocus(anchor);
    scrollTo(anchor);
  };
  useEffect(() => {
    if (target) scrollTo(target);
  }, [target]);

  return (
    <Stack spacing={4} data-testid="kiosk-faq" sx={{ fontSize: '1.25rem' }}>
      <Stack component="nav" spacing={1} aria-labelledby="faq-questions">
        <Typography variant="h5" component="h2" id="faq-questions">
          {t('kiosk.help.faqPage.questions')}
        </Typography>
        {FAQ_QUESTIONS.map(({ id }) => (
          <Button
            key={id}
            size="large"
            onClick={() => go(questionAnchor(id))}
            sx={{ justifyContent: 'flex-start', textAlign: 'left', fontSize: '1.2rem' }}
          >
            {t(`kiosk.help.faq.${id}.q`)}
          </Button>
        ))}
      </Stack>
      {FAQ_QUESTIONS.map(({ id, code }) => (
        <Box
          component="section"
          key={id}
          id={questionAnchor(id)}
          aria-labelledby={`${questionAnchor(id)}-q`}
          sx={{ scrollMarginTop: 16, p: 2, bgcolor: focus === questionAnchor(id) ? 'action.selected' : undefined }}
        >
          <Typography variant="h6" component="h3" id={`${questionAnchor(id)}-q`}>
            {t(`kiosk.help.faq.${id}.q`)}
          </Typography>
          <Typography sx={{ fontSize: '1.2rem', my: 1 }}>{t(`kiosk.help.faq.${id}.a`)}</Typography>
          <Button size="large" onClick={() => go(code)}>
            {t('kiosk.help.faqPage.seeCode')} {code}
          </Button>
        </Box>
      ))}
      <MessageCodeTable focus={focus} onQuestion={(id) => go(questionAnchor(id))} />
    </Stack>
  );
};
