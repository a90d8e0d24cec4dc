import { pipeline, Readable, Transform } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../domain/order-import.ts';
import { UserError } from '../errors.ts';

export interface UploadedTable {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** The data rows, each as many cells as there are headers. */
  rows: string[][];
}

const bad = (message: string) => new UserError(400, 'invalid_file', message);
const tooLarge = (message: string) => new UserError(413, 'file_too_large', message);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const DELIMITERS = [',', ';', '\t'] as const;
// Latin-1 control characters other than tab, line breaks; and the replacement character invalid UTF-8 turns into.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

/** Counts the bytes going through, refusing a file past the limit before it is all read. */
const byteLimit = () => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > MAX_IMPORT_BYTES) done(tooLarge(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files.`));
      else done(null, chunk);
    },
  });
};

/**
 * Reads an uploaded CSV (UTF-8, with or without a BOM, separated by commas, semicolons or tabs) or XLSX
 * workbook (its first sheet) as it streams in: the header row and the data rows as text. A file that is
 * neither, is empty, has no header or too many rows is refused with what to do about it.
 */
export async function readUpload(body: ReadableStream<Uint8Array> | null): Promise<UploadedTable> {
  if (!body) throw bad('The request has no file: send a CSV or XLSX file as the body, or as the "file" field of a form.');
  const source = pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), byteLimit(), () => {});
  const chunks = nonEmpty(source);
  const head = await chunks.next();
  if (head.done) throw bad('The file is empty: export the orders with a header row and at least one row below it.');
  const first = head.value;
  const format = ZIP.every((byte, i) => first[i] === byte) ? 'xlsx' : 'csv';
  // UTF-8 text has no NUL byte; UTF-16 text and binary files do.
  if (format === 'csv' && first.includes(0)) throw bad('The file is not text: upload a CSV saved as UTF-8, or an XLSX workbook.');
  const rest = Readable.from(prepend(first, chunks));
  const records = format === 'xlsx' ? xlsxRecords(rest) : csvRecords(rest, delimiterOf(first));
  return { format, ...(await tableOf(records)) };
}

async function* nonEmpty(source: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of source) if ((chunk as Buffer).length > 0) yield chunk as Buffer;
}

/** The stream again with its first chunk, which was read to tell the format. */
async function* prepend(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}

/** The separator the header line uses most: Excel in many European locales writes semicolons. */
function delimiterOf(first: Buffer): string {
  const line = first.toString('utf8').split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  return DELIMITERS.reduce((best, d) => (line.split(d).length > line.split(best).length ? d : best), ',');
}

async function* csvRecords(source: Readable, delimiter: string): AsyncGenerator<string[]> {
  const parser = pipeline(source, parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_CELL_CHARS * 10 }), () => {});
  try {
    for await (const record of parser) yield record as string[];
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw bad(`The file could not be read as CSV (${(err as Error).message.slice(0, 200)}): save it as CSV (UTF-8) or XLSX and upload it again.`);
  }
}

async function* xlsxRecords(source: Readable): AsyncGenerator<string[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let sheets = 0;
  let read: number | null = null;
  try {
    for await (const sheet of workbook) {
      sheets += 1;
      // The first sheet with a row is the one read (a blank cover sheet is passed over); the others are
      // read past, as the stream holds them after it.
      for await (const row of sheet) {
        const cells = cellsOf(row.values as unknown[]);
        if (read === null && cells.some((cell) => cell.trim() !== '')) read = sheets;
        if (read === sheets) yield cells;
      }
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw bad('The file looks like a zip archive but is no XLSX workbook Sluice can read: save it from Excel as .xlsx (or as CSV UTF-8) and upload it again.');
  }
  if (sheets === 0) throw bad('The workbook has no sheet: put the orders on its first sheet.');
}

/** A row's values as text: exceljs numbers them from 1 and leaves gaps for empty cells. */
function cellsOf(values: unknown[]): string[] {
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(textOf(values[i]));
  return cells;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().replace('.000Z', 'Z');
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((part) => part.text).join('');
  if ('result' in v) return textOf(v.result);
  if (v.text !== undefined) return textOf(v.text);
  if (v.error) return v.error;
  return '';
}

const looksLikeData = (cell: string) => /^[\d\s.,:+\-/TZ]+$/.test(cell) && /\d/.test(cell);

/** The header row (blank names given a column's number, repeated ones a count) and the data rows cut or padded to it. */
async function tableOf(records: AsyncGenerator<string[]>): Promise<{ headers: string[]; rows: string[][] }> {
  let headers: string[] | null = null;
  const rows: string[][] = [];
  for await (const record of records) {
    if (record.every((cell) => cell.trim() === '')) continue;
    checkText(record, rows.length + (headers ? 2 : 1));
    if (!headers) {
      headers = headerRow(record);
      continue;
    }
    if (rows.length === MAX_IMPORT_ROWS) throw tooLarge(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows of orders: split it into files of at most that many.`);
    rows.push(headers.map((_, i) => (record[i] ?? '').trim()));
  }
  if (!headers) throw bad('The file has no rows: export the orders with a header row and at least one row below it.');
  if (rows.length === 0) throw bad('The file has a header row but no orders below it.');
  return { headers, rows };
}

function checkText(record: string[], line: number): void {
  if (record.length > MAX_IMPORT_COLUMNS) throw bad(`Row ${line} has ${record.length} columns; at most ${MAX_IMPORT_COLUMNS} are read. Remove the columns the orders do not need.`);
  for (const cell of record) {
    if (NOT_TEXT.test(cell)) throw bad(`Row ${line} is not text: upload a CSV saved as UTF-8, or an XLSX workbook.`);
    if (cell.length > MAX_CELL_CHARS) throw bad(`Row ${line} has a cell of ${cell.length} characters; at most ${MAX_CELL_CHARS.toLocaleString('en')} are read.`);
  }
}

function headerRow(record: string[]): string[] {
  const named = record.map((cell) => cell.trim());
  if (named.filter((cell) => cell !== '').every(looksLikeData)) {
    throw bad('The first row holds values, not column names: add a header row naming each column (e.g. reference, account, due, lines).');
  }
  const seen = new Map<string, number>();
  return named.map((name, i) => {
    const base = name === '' ? `Column ${i + 1}` : name;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
