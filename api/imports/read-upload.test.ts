import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../domain/order-import.ts';
import { UserError } from '../errors.ts';
import { readUpload } from './read-upload.ts';

const streamOf = (bytes: Uint8Array | string) => new Response(typeof bytes === 'string' ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>])).body;
const due = new Date(Date.now() + 5 * 3_600_000);
const dueIso = due.toISOString().replace(/\.\d{3}Z$/, 'Z');

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function refusal(body: Uint8Array | string): Promise<{ status: number; message: string }> {
  const err = await readUpload(streamOf(body)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  return { status: (err as UserError).status, message: (err as UserError).message };
}

describe('readUpload', () => {
  it.each([
    { name: 'commas', text: `ref,account,due\nR-1,ACME,${dueIso}\n`, headers: ['ref', 'account', 'due'], rows: [['R-1', 'ACME', dueIso]] },
    { name: 'a BOM and CRLF', text: `\ufeffref,account\r\nR-1,ACME\r\n`, headers: ['ref', 'account'], rows: [['R-1', 'ACME']] },
    { name: 'semicolons', text: 'ref;account;lines\nR-1;ACME;"A x1; B x2"\n', headers: ['ref', 'account', 'lines'], rows: [['R-1', 'ACME', 'A x1; B x2']] },
    { name: 'tabs', text: 'ref\taccount\nR-1\tACME\n', headers: ['ref', 'account'], rows: [['R-1', 'ACME']] },
    { name: 'blank and repeated headers, short and blank rows', text: 'ref,,ref\nR-1\n,,\nR-2,x,y\n', headers: ['ref', 'Column 2', 'ref (2)'], rows: [['R-1', '', ''], ['R-2', 'x', 'y']] },
  ])('reads a CSV with $name', async ({ text, headers, rows }) => {
    expect(await readUpload(streamOf(text))).toEqual({ format: 'csv', headers, rows });
  });

  it('reads the first sheet of an XLSX workbook, dates as ISO times and formulas as their results', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('Orders');
      sheet.addRow(['ref', 'account', 'due', 'qty']);
      sheet.addRow(['R-1', { richText: [{ text: 'AC' }, { text: 'ME' }] }, due, { formula: '1+1', result: 2 }]);
      wb.addWorksheet('Notes').addRow(['not', 'read']);
    });
    expect(await readUpload(streamOf(bytes))).toEqual({ format: 'xlsx', headers: ['ref', 'account', 'due', 'qty'], rows: [['R-1', 'ACME', new Date(Math.round(due.getTime())).toISOString().replace('.000Z', 'Z'), '2']] });
  });

  it('passes over a blank first sheet to the first with rows', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Cover');
      wb.addWorksheet('Orders').addRows([['account'], ['ACME']]);
      wb.addWorksheet('More').addRows([['other'], ['x']]);
    });
    expect(await readUpload(streamOf(bytes))).toEqual({ format: 'xlsx', headers: ['account'], rows: [['ACME']] });
  });

  it('keeps an Excel serial typed as a number, for the due time to read', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('a').addRows([['account', 'due'], ['ACME', 46_000.5]]));
    expect((await readUpload(streamOf(bytes))).rows).toEqual([['ACME', '46000.5']]);
  });

  it.each([
    { name: 'empty', body: '', status: 400, message: /empty/ },
    { name: 'only blank lines', body: '\n\n', status: 400, message: /no rows/ },
    { name: 'a header only', body: 'ref,account\n', status: 400, message: /no orders below it/ },
    { name: 'no header', body: `1,2,${dueIso}\n3,4,${dueIso}\n`, status: 400, message: /header row/ },
    { name: 'binary junk', body: new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x02, 0x9c, 0x88]), status: 400, message: /not text/ },
    { name: 'a broken zip', body: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), status: 400, message: /XLSX/ },
    { name: 'an unclosed quote', body: 'ref,account\n"R-1,ACME\n', status: 400, message: /CSV/ },
  ])('refuses a file that is $name', async ({ body, status, message }) => {
    const refused = await refusal(body);
    expect(refused.status).toBe(status);
    expect(refused.message).toMatch(message);
  });

  it(`refuses more than ${MAX_IMPORT_BYTES / 1024 / 1024} MB with a 413 before reading it all`, async () => {
    const text = `account,notes\n${`A,${'x'.repeat(1_000)}\n`.repeat(Math.ceil(MAX_IMPORT_BYTES / 1_000))}`;
    expect(await refusal(text)).toEqual({ status: 413, message: expect.stringMatching(/larger than 30 MB/) });
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows with a 413`, async () => {
    const text = `account\n${'A\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(await refusal(text)).toEqual({ status: 413, message: expect.stringMatching(/split it/) });
  });
});
