import type { Response } from 'express';

/** UTF-8 byte order mark: without it Excel reads the file in the system code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | Date | null | undefined;

/** Taipei wall-clock time (no daylight saving), as Excel recognises it: `2026-11-24 12:05:07`. */
export function taipeiDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One field, RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled. Text starting
 * with = + - @ (or a tab/CR) is prefixed with an apostrophe so that a spreadsheet shows it instead of
 * running it as a formula (CSV injection); numbers are written as they are.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = value instanceof Date ? taipeiDateTime(value) : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Streams a CSV download: BOM, header, then the rows as they come, waiting for the client whenever
 * the socket buffer is full so that a large export never piles up in memory. Stops when the client
 * goes away.
 */
export async function streamCsv<T>(
  res: Response,
  fileName: string,
  header: readonly string[],
  rows: AsyncIterable<T>,
  toLine: (row: T) => readonly CsvValue[],
): Promise<number> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  let count = 0;
  await write(res, UTF8_BOM + csvLine(header));
  for await (const row of rows) {
    if (res.destroyed) break;
    await write(res, csvLine(toLine(row)));
    count += 1;
  }
  res.end();
  return count;
}

function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk, 'utf8')) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
