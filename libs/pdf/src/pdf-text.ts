import { execFileSync } from 'node:child_process';

/**
 * The text a person reads on a PDF, as poppler's `pdftotext -layout` extracts it. For tests: it
 * proves the glyphs are really there in the embedded font, not just bytes in the document.
 */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

/** Number of pages, from poppler's `pdfinfo`. */
export function pdfPages(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}
