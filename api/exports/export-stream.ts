import type { ExportFormat } from '../../domain/exports.ts';
import { csvRecord } from './csv.ts';
import { log } from '../../logging/logger.ts';

/** Rows read from the store per page: one statement each, and the most an export holds at once. */
export const EXPORT_PAGE_SIZE = 500;

/** An export's columns in CSV (name, value), and its rows as NDJSON lines (the row itself unless said). */
export interface ExportTable<Row> {
  columns: readonly (readonly [string, (row: Row) => unknown])[];
  json?: (row: Row) => unknown;
}

/** The page after `last` (the first page when null): at most `limit` rows, in the export's order. */
export type PageReader<Row> = (last: Row | null, limit: number) => Promise<Row[]>;

/**
 * The export as a byte stream that reads the next page only when the reader asks for more: a slow client
 * holds back the reading (backpressure), and the export holds one page, whatever its size. Each page is a
 * statement of its own, so a long export holds no transaction open.
 */
export function exportStream<Row>(readPage: PageReader<Row>, table: ExportTable<Row>, format: ExportFormat, pageSize = EXPORT_PAGE_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = format === 'csv' ? (row: Row) => csvRecord(table.columns.map(([, value]) => value(row))) : (row: Row) => `${JSON.stringify(table.json ? table.json(row) : row)}\n`;
  let last: Row | null = null;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const rows = await readPage(last, pageSize);
          const header = first && format === 'csv' ? csvRecord(table.columns.map(([name]) => name)) : '';
          first = false;
          const text = header + rows.map(line).join('');
          if (text) controller.enqueue(encoder.encode(text));
          if (rows.length < pageSize) controller.close();
          else last = rows.at(-1)!;
        } catch (err) {
          // The status line went out with the first bytes: the client sees the stream cut short.
          log.error({ err }, 'an export failed part way');
          controller.error(err);
        }
      },
    },
    { highWaterMark: 0 },
  );
}

const ACCEPTED: [RegExp, ExportFormat][] = [
  [/application\/(x-)?ndjson/i, 'ndjson'],
  [/text\/csv/i, 'csv'],
];

/** The format asked for: the `format` parameter, else the first the Accept header names, else CSV. */
export function exportFormat(asked: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (asked) return asked;
  const named = ACCEPTED.map(([type, format]) => ({ format, at: accept?.search(type) ?? -1 })).filter((f) => f.at >= 0);
  return named.sort((a, b) => a.at - b.at)[0]?.format ?? 'csv';
}
