import type { Response } from 'express';

/**
 * Sends a PDF that must not be kept anywhere on the way: no cache, no sniffing, shown inline for the
 * browser's print view. The buffer is wiped once written: a password notice holds the password.
 */
export function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Length', String(pdf.length));
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.end(pdf, () => pdf.fill(0));
}
