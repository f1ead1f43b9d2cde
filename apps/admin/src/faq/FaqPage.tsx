import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { Title, useLocation, useTranslate } from 'react-admin';
import { FAQ_CODES, manualCodeOf } from '../i18n/error-messages';

// The FAQ explains the message in general, so parameters the API fills in read as "N".
const general = (text: string): string => text.replace(/%\{\w+\}/g, 'N');

/** Every error the user can fix, what it means and what to do; `/faq#<CODE>` opens at the answer. */
const FaqPage = () => {
  const translate = useTranslate();
  const { hash } = useLocation();
  const target = decodeURIComponent(hash.replace(/^#/, ''));
  useEffect(() => {
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, [target]);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="faq.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('faq.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate('faq.intro')}
        </Typography>
        {FAQ_CODES.map((code) => {
          const manualCode = manualCodeOf(code);
          return (
            <Box
              component="section"
              key={code}
              id={code}
              aria-labelledby={`${code}-title`}
              sx={{
                py: 2,
                px: 1,
                borderTop: 1,
                borderColor: 'divider',
                scrollMarginTop: 64,
                bgcolor: code === target ? 'action.selected' : undefined,
              }}
            >
              <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
                <Typography variant="h6" component="h2" id={`${code}-title`}>
                  {general(translate(`errors.${code}`))}
                </Typography>
                {manualCode && <Chip size="small" label={translate('faq.manualCode', { code: manualCode })} />}
              </Stack>
              <Typography>{general(translate(`remedies.${code}`))}</Typography>
              <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {code}
              </Typography>
            </Box>
          );
        })}
      </CardContent>
    </Card>
  );
};

export default FaqPage;
