import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/parse-csv.ts';
import { exportFormat, exportStream, type ExportTable, type PageReader } from './export-stream.ts';

type Row = { n: number; name: string };
const TABLE: ExportTable<Row> = { columns: [['n', (r) => r.n], ['name', (r) => r.name]] };

/** A store of `count` rows read a page at a time, remembering every page asked for. */
function fakeStore(count: number) {
  const rows = Array.from({ length: count }, (_, n) => ({ n, name: `row ${n}` }));
  const asked: { after: number | null; limit: number }[] = [];
  const read: PageReader<Row> = async (last, limit) => {
    asked.push({ after: last?.n ?? null, limit });
    const start = last === null ? 0 : last.n + 1;
    return rows.slice(start, start + limit);
  };
  return { rows, asked, read };
}

const readAll = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('streamed exports', () => {
  it.each([
    { count: 0, pageSize: 100, pages: 1 },
    { count: 99, pageSize: 100, pages: 1 },
    { count: 100, pageSize: 100, pages: 2 },
    { count: 2_345, pageSize: 100, pages: 24 },
  ])('$count rows in pages of $pageSize: $pages reads, each after the last row of the one before', async ({ count, pageSize, pages }) => {
    const store = fakeStore(count);
    const csv = parseCsv(await readAll(exportStream(store.read, TABLE, 'csv', pageSize)));
    expect(csv[0]).toEqual(['n', 'name']);
    expect(csv.slice(1)).toEqual(store.rows.map((r) => [String(r.n), r.name]));
    expect(store.asked).toEqual(Array.from({ length: pages }, (_, i) => ({ after: i === 0 ? null : i * pageSize - 1, limit: pageSize })));
  });

  it('reads a page only when the client reads on: a client that stops holds the export at one page', async () => {
    const store = fakeStore(10_000);
    const reader = exportStream(store.read, TABLE, 'ndjson', 100).getReader();
    await settle();
    expect(store.asked).toHaveLength(0);
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split('\n').filter(Boolean)).toHaveLength(100);
    await settle();
    expect(store.asked).toHaveLength(1);
    await reader.read();
    await settle();
    expect(store.asked).toHaveLength(2);
    await reader.cancel();
    await settle();
    expect(store.asked).toHaveLength(2);
  });

  it('NDJSON is a JSON object a line', async () => {
    const store = fakeStore(3);
    const text = await readAll(exportStream(store.read, { ...TABLE, json: (r) => ({ id: r.n }) }, 'ndjson', 2));
    expect(text).toBe('{"id":0}\n{"id":1}\n{"id":2}\n');
  });

  it('a page that fails ends the stream with an error, after the rows already sent', async () => {
    let calls = 0;
    const failing: PageReader<Row> = async () => {
      if (++calls > 1) throw new Error('store went away');
      return [{ n: 1, name: 'one' }];
    };
    const reader = exportStream(failing, TABLE, 'csv', 1).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('n,name\r\n1,one\r\n');
    await expect(reader.read()).rejects.toThrow('store went away');
  });

  it.each([
    { asked: undefined, accept: undefined, format: 'csv' },
    { asked: undefined, accept: '*/*', format: 'csv' },
    { asked: undefined, accept: 'text/csv', format: 'csv' },
    { asked: undefined, accept: 'application/x-ndjson', format: 'ndjson' },
    { asked: undefined, accept: 'application/ndjson', format: 'ndjson' },
    { asked: undefined, accept: 'text/csv, application/x-ndjson', format: 'csv' },
    { asked: undefined, accept: 'application/x-ndjson, text/csv', format: 'ndjson' },
    { asked: 'csv', accept: 'application/x-ndjson', format: 'csv' },
    { asked: 'ndjson', accept: 'text/csv', format: 'ndjson' },
  ] as const)('format $asked with Accept $accept: $format', ({ asked, accept, format }) => {
    expect(exportFormat(asked, accept)).toBe(format);
  });
});
