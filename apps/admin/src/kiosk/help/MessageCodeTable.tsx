import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useKioskI18n } from '../kiosk-i18n';
import { FAQ_QUESTIONS, KIOSK_CODES, hasRemedy, manualNumberOf, type FaqQuestionId } from './faq-entries';

// The table explains a message in general, so the numbers the server fills in read as "N".
const general = (text: string): string => text.replace(/%\{\w+\}/g, 'N');

/**
 * The appendix's message codes, the manual's four numbers first: code, message, cause (for the
 * old numbers, whose meaning moved with the platform) and what to do. Each row is `#<CODE>`.
 */
export const MessageCodeTable = ({
  focus,
  onQuestion,
}: {
  focus: string | null;
  onQuestion: (id: FaqQuestionId) => void;
}) => {
  const { t } = useKioskI18n();
  return (
    <section aria-labelledby="faq-codes">
      <Typography variant="h5" component="h2" id="faq-codes">
        {t('kiosk.help.faqPage.codes')}
      </Typography>
      <Typography sx={{ my: 1 }}>{t('kiosk.help.faqPage.codesIntro')}</Typography>
      <Table
        data-testid="message-codes"
        sx={{ tableLayout: 'fixed', '& td, & th': { fontSize: '1.15rem', verticalAlign: 'top' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '20%' }}>{t('kiosk.help.faqPage.code')}</TableCell>
            <TableCell sx={{ width: '30%' }}>{t('kiosk.help.faqPage.message')}</TableCell>
            <TableCell>{t('kiosk.help.faqPage.answer')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {KIOSK_CODES.map((code) => {
            const manual = manualNumberOf(code);
            const cause = t(`kiosk.help.causes.${code}`, { _: '' });
            const question = FAQ_QUESTIONS.find((q) => q.code === code);
            return (
              <TableRow
                key={code}
                id={code}
                data-code={code}
                data-target={focus === code}
                selected={focus === code}
                aria-current={focus === code ? 'true' : undefined}
                sx={{ scrollMarginTop: 16 }}
              >
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {manual && (
                    <Typography component="div" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
                      {manual}
                    </Typography>
                  )}
                  <Typography component="div" variant="caption" sx={{ fontFamily: 'monospace' }}>
                    {code}
                  </Typography>
                </TableCell>
                <TableCell>{general(t(`errors.${code}`))}</TableCell>
                <TableCell>
                  {cause && (
                    <Typography component="p" sx={{ mb: 1 }}>
                      <strong>{t('kiosk.help.faqPage.cause')}</strong> {cause}
                    </Typography>
                  )}
                  <Typography component="p">
                    <strong>{t('kiosk.help.faqPage.remedy')}</strong>{' '}
                    {hasRemedy(code)
                      ? general(t(`remedies.${code}`))
                      : t('kiosk.help.faqPage.askCounter', { code: manual ?? code })}
                  </Typography>
                  {question && (
                    <Button size="large" onClick={() => onQuestion(question.id)}>
                      {t('kiosk.help.faqPage.seeQuestion')}: {t(`kiosk.help.faq.${question.id}.q`)}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
};
