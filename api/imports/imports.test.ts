import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRow, ImportSummary } from '../../domain/order-import.ts';
import { createActivities } from '../../activities/index.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { parseCsv } from '../../test/parse-csv.ts';

/** Imports through the API, on a real store and the test run's Temporal server with a worker. */
describe('order imports', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const upload = (body: BodyInit, query = '?name=orders.csv') => h.request(`/imports${query}`, { method: 'POST', body, headers: { 'content-type': 'text/csv' } });
  /** A form: the request's content type names the form's boundary. */
  const uploadForm = async (form: FormData) => h.app.request('/imports', { method: 'POST', body: form, headers: await h.auth('dispatcher') });
  const json = async <T>(res: Response, status: number): Promise<T> => {
    expect(res.status, await res.clone().text()).toBe(status);
    return (await res.json()) as T;
  };
  const uniq = () => Math.random().toString(36).slice(2, 8);

  it('uploads, suggests a mapping, dry-runs, reports the bad rows and imports the good ones once', async () => {
    const tag = uniq();
    const existing = await h.postOrder(`EX-${tag}`, 6);
    const due = hoursFromNow(6);
    const csv = [
      'Order ref;Customer;Due;Lines;Work area;Priority',
      `G1-${tag};ACME;${due};"A-1 x2; B-2 x1 @3";${h.workAreaId};high`,
      `G2-${tag};ACME;${due};A-1;${h.workAreaId};`,
      `BAD-${tag};;tomorrow;A-1 x0;${h.workAreaId};`,
      `EX-${tag};ACME;${due};A-1;${h.workAreaId};`,
      `G1-${tag};ACME;${due};A-1;${h.workAreaId};`,
      `AREA-${tag};ACME;${due};A-1;nowhere;`,
    ].join('\n');
    const uploaded = await json<ImportSummary & { sample: string[][] }>(await upload(csv), 201);
    expect(uploaded).toMatchObject({ fileName: 'orders.csv', format: 'csv', state: 'uploaded', counts: { rows: 6 } });
    expect(uploaded.headers).toEqual(['Order ref', 'Customer', 'Due', 'Lines', 'Work area', 'Priority']);
    expect(uploaded.sample[0]).toEqual([`G1-${tag}`, 'ACME', due, 'A-1 x2; B-2 x1 @3', h.workAreaId, 'high']);
    expect(uploaded.suggestedMapping).toEqual({ reference: 'Order ref', account: 'Customer', dueAt: 'Due', lines: 'Lines', workAreaId: 'Work area', statedPriority: 'Priority' });

    const id = uploaded.id;
    const refused = await h.request(`/imports/${id}/mapping`, { method: 'PUT', body: JSON.stringify({ account: 'Nope', dueAt: 'Due', lines: 'Lines' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('no column "Nope"');
    await json(await h.request(`/imports/${id}/run`, { method: 'POST' }), 409);

    await json(await h.request(`/imports/${id}/mapping`, { method: 'PUT', body: JSON.stringify(uploaded.suggestedMapping) }), 200);
    const checked = await json<ImportSummary>(await h.request(`/imports/${id}/validate`, { method: 'POST' }), 200);
    // The unknown work area is found when the order is placed, as POST /orders finds it: the import rejects it.
    expect(checked.counts).toMatchObject({ rows: 6, valid: 3, invalid: 1, duplicates: 2 });

    const bad = await json<{ rows: ImportRow[] }>(await h.request(`/imports/${id}/rows?outcome=invalid,duplicate`), 200);
    expect(bad.rows.map((r) => [r.row, r.outcome])).toEqual([[3, 'invalid'], [4, 'duplicate'], [5, 'duplicate']]);
    expect(bad.rows[0]!.problems.map((p) => p.column)).toEqual(['Customer', 'Due', 'Lines']);
    expect(bad.rows[1]!.problems[0]!.message).toBe(`reference EX-${tag} is already order ${existing.id}`);
    expect(bad.rows[2]!.problems[0]!.message).toBe(`reference G1-${tag} is also on row 1`);

    const csvRes = await h.request(`/imports/${id}/problems.csv`);
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    const report = parseCsv(await csvRes.text());
    expect(report[0]).toEqual(['row', 'outcome', 'problems', ...uploaded.headers]);
    expect(report.slice(1).map((r) => r[0])).toEqual(['3', '4', '5']);

    await json(await h.request(`/imports/${id}/run`, { method: 'POST' }), 202);
    await json(await h.request(`/imports/${id}/run`, { method: 'POST' }), 409);
    const done = await eventually(async () => ((s) => (s.state === 'done' ? s : undefined))(await json<ImportSummary>(await h.request(`/imports/${id}`), 200)), 'the import to finish', 60_000);
    expect(done.counts).toMatchObject({ processed: 6, created: 2, rejected: 2, duplicates: 2 });
    const results = await json<{ rows: ImportRow[] }>(await h.request(`/imports/${id}/rows`), 200);
    expect(results.rows.map((r) => r.outcome)).toEqual(['created', 'created', 'rejected', 'duplicate', 'duplicate', 'rejected']);
    expect(results.rows[5]!.problems[0]!.message).toContain('Work area "nowhere" does not exist');
    const orders = await h.store.em.fork().find(OrderRecord, { reference: { $in: [`G1-${tag}`, `G2-${tag}`] } });
    expect(orders.map((o) => o.id).sort()).toEqual([results.rows[0]!.orderId, results.rows[1]!.orderId].sort());
    expect(orders.find((o) => o.reference === `G1-${tag}`)).toMatchObject({ statedPriority: 'high', units: 3 });

    const recent = await json<{ imports: ImportSummary[] }>(await h.request('/imports'), 200);
    expect(recent.imports.map((i) => i.id)).toContain(id);
  });

  it('a chunk taken again (a retried activity) answers the orders of its first attempt and takes none twice', async () => {
    const tag = uniq();
    const due = hoursFromNow(6);
    const csv = `reference,account,due,sku,qty\nR1-${tag},ACME,${due},A,1\nR2-${tag},ACME,${due},A,2\n`;
    const { id } = await json<ImportSummary>(await upload(csv), 201);
    await json(await h.request(`/imports/${id}/validate`, { method: 'POST' }), 200);
    const { takeImportChunk } = createActivities({ store: h.store, temporal: h.client, taskQueue: h.taskQueue, clock: () => new Date() });
    await takeImportChunk({ importId: id, from: 1, to: 2 });
    const first = await json<{ rows: ImportRow[] }>(await h.request(`/imports/${id}/rows`), 200);
    await takeImportChunk({ importId: id, from: 1, to: 2 });
    const again = await json<{ rows: ImportRow[] }>(await h.request(`/imports/${id}/rows`), 200);
    expect(again.rows.map((r) => [r.outcome, r.orderId])).toEqual(first.rows.map((r) => ['created', r.orderId]));
    expect(await h.store.em.fork().count(OrderRecord, { reference: { $in: [`R1-${tag}`, `R2-${tag}`] } })).toBe(2);
    expect(await json<ImportSummary>(await h.request(`/imports/${id}`), 200)).toMatchObject({ counts: { created: 2, processed: 2 } });
  });

  it('takes an XLSX workbook sent as a form, its dates as due times', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addRows([
      ['account', 'due date', 'lines'],
      ['ACME', new Date(hoursFromNow(8)), 'A x1'],
    ]);
    const form = new FormData();
    form.set('file', new Blob([await wb.xlsx.writeBuffer()]), 'week.xlsx');
    const uploaded = await json<ImportSummary>(await uploadForm(form), 201);
    expect(uploaded).toMatchObject({ fileName: 'week.xlsx', format: 'xlsx', suggestedMapping: { account: 'account', dueAt: 'due date', lines: 'lines' } });
    expect((await json<ImportSummary>(await h.request(`/imports/${uploaded.id}/validate`, { method: 'POST' }), 200)).counts).toMatchObject({ valid: 1, invalid: 0 });
  });

  it.each([
    { name: 'no file', body: '', status: 400, message: /empty|no file/ },
    { name: 'binary junk', body: new Uint8Array([0, 1, 2, 255, 254]), status: 400, message: /not text/ },
    { name: 'a form without a file', body: (() => { const f = new FormData(); f.set('x', 'y'); return f; })(), status: 400, message: /"file" field/ },
  ])('refuses $name with a 400 saying what to do', async ({ body, status, message }) => {
    const res = body instanceof FormData ? await uploadForm(body) : await upload(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('will not dry-run a file whose suggested mapping lacks a required field, and says which', async () => {
    const { id } = await json<ImportSummary>(await upload(`reference,due,lines\nR,${hoursFromNow(6)},A\n`), 201);
    const res = await h.request(`/imports/${id}/validate`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('map a column to account');
  });

  it('keeps mappings as shared, named templates', async () => {
    const name = `Supplier ${uniq()}`;
    const mapping = { account: 'Customer', dueAt: 'Due', lines: 'Lines' };
    const saved = await json<{ id: string }>(await h.request('/import-templates', { method: 'POST', body: JSON.stringify({ name, mapping }) }), 201);
    await json(await h.request('/import-templates', { method: 'POST', body: JSON.stringify({ name, mapping }), role: 'ops_manager' }), 409);
    const listed = await json<{ templates: { name: string; mapping: unknown }[] }>(await h.request('/import-templates', { role: 'ops_manager' }), 200);
    expect(listed.templates.find((t) => t.name === name)?.mapping).toEqual(mapping);
    await json(await h.request('/import-templates', { method: 'POST', body: JSON.stringify({ name: 'x', mapping: { account: 'a' } }) }), 400);
    expect((await h.request(`/import-templates/${saved.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await h.request(`/import-templates/${saved.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
