import { existsSync } from 'node:fs';
import pdfmake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces';

/** Debian `fonts-noto-cjk`: TrueType collections only, so each face is named inside its `.ttc`. */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/opentype/noto';

export const FONT_FAMILY = 'NotoSansTC';

let configuredDir: string | undefined;

/**
 * Points pdfmake at the Traditional Chinese faces of Noto Sans CJK and shuts off every URL and any
 * local file other than those fonts, so a document definition can never make the server fetch or
 * read something. Runs once per process (pdfmake keeps its fonts and parsed faces in a singleton);
 * throws when the fonts are missing, naming the package that provides them.
 */
export function configurePdfFonts(fontDir: string = process.env.PDF_FONT_DIR || DEFAULT_FONT_DIR): void {
  if (configuredDir === fontDir) return;
  const regular = `${fontDir}/NotoSansCJK-Regular.ttc`;
  const bold = `${fontDir}/NotoSansCJK-Bold.ttc`;
  for (const file of [regular, bold]) {
    if (!existsSync(file)) throw new Error(`PDF font not found: ${file} (install fonts-noto-cjk or set PDF_FONT_DIR)`);
  }
  // pdfmake reads `[file, face]` for a collection; its type declarations only know plain sources.
  const faces: Record<string, Record<string, [string, string]>> = {
    [FONT_FAMILY]: {
      normal: [regular, 'NotoSansCJKtc-Regular'],
      bold: [bold, 'NotoSansCJKtc-Bold'],
      italics: [regular, 'NotoSansCJKtc-Regular'],
      bolditalics: [bold, 'NotoSansCJKtc-Bold'],
    },
  };
  pdfmake.setFonts(faces as unknown as TFontDictionary);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === regular || path === bold);
  configuredDir = fontDir;
}
