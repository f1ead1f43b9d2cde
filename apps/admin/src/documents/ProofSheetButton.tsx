import PrintIcon from '@mui/icons-material/Print';
import { Button, useTranslate } from 'react-admin';
import { CircularProgress } from '@mui/material';
import { usePrintPdf } from './use-print-pdf';

/** 憑證證明單列印 for one certificate, for the certificate page; each print is audited by the API. */
export const ProofSheetButton = ({ certificateId }: { certificateId: string }) => {
  const { print, busy } = usePrintPdf();
  const translate = useTranslate();
  return (
    <Button
      label="documents.proofSheet.print"
      disabled={busy}
      title={translate('documents.proofSheet.hint')}
      onClick={() =>
        void print(`/documents/certificates/${certificateId}/proof-sheet`, {}, `proof-${certificateId}.pdf`)
      }
    >
      {busy ? <CircularProgress size={16} /> : <PrintIcon />}
    </Button>
  );
};
