import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { configurePdfFonts } from './fonts';

/** Renders a document definition (from one of the layouts) to the bytes of a PDF. */
export async function renderPdf(dd: TDocumentDefinitions): Promise<Buffer> {
  configurePdfFonts();
  return pdfmake.createPdf(dd).getBuffer();
}
