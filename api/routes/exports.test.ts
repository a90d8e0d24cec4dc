import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleExplanation } from '../../domain/decision.ts';
import { newOrder, type NewOrder } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import type { RulesetView } from '../../domain/ruleset.ts';
import type { Evaluation } from '../../rules/explain-evaluation.ts';
import { insertAudit } from '../../store/audit-log.ts';
import { storeDecision } from '../../store/decisions.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { sqlOn } from '../../store/sql.ts';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { parseCsv } from '../../test/parse-csv.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { EXPORT_PAGE_SIZE } from '../exports/export-stream.ts';
import { hashOf, recordNewOrder } from '../order-intake.ts';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** Exports through the API over a real store: every row read back against the store, and every filter. */
describe('exports', () => {
  let h: Harness;
  /** A second area whose few orders, decisions and audit entries the filter tables look at. */
  const small = `export-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    h = await createHarness();
    const em = h.store.em.fork();
    em.create(WorkAreaRecord, { id: small, name: 'Export area', kind: 'pick_zone', wipLimit: 5 });
    await em.flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Stores orders as intake does, a thousand per transaction; answers their ids. */
  const storeOrders = async (workAreaId: string, inputs: Partial<NewOrder>[]) => {
    const ids: string[] = [];
    for (let i = 0; i < inputs.length; i += 1_000) {
      await h.store.em.fork().transactional(async (tx) => {
        for (const extra of inputs.slice(i, i + 1_000)) {
          const input = newOrder.parse({ account: 'ACME', dueAt: hoursFromNow(24), lines: [{ sku: 'A', qty: 2, price: 5 }], ...extra, workAreaId });
          const id = randomUUID();
          ids.push(id);
          recordNewOrder(tx, { id, input, placement: { workAreaId, candidates: [workAreaId] }, idempotency: null, requestHash: hashOf(input) });
        }
      });
    }
    return ids;
  };
  const get = (path: string, init: { role?: Role; accept?: string } = {}) =>
    h.request(path, { role: init.role ?? 'ops_manager', headers: init.accept ? { accept: init.accept } : {} });
  const ndjson = async (path: string) => {
    const res = await get(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('20,000 orders stream as NDJSON and as CSV, row for row what the store holds', { timeout: 300_000 }, async () => {
    const count = 20_000;
    expect(count).toBeGreaterThan(EXPORT_PAGE_SIZE * 10);
    await storeOrders(h.workAreaId, Array.from({ length: count }, (_, i) => ({ reference: `BIG-${i}`, lines: [{ sku: `S-${i}`, qty: 1 + (i % 7), price: i % 100 }] })));
    const stored = (await h.store.em.fork().find(OrderRecord, { workAreaId: h.workAreaId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map((o) => ({
      id: o.id,
      reference: o.reference,
      state: o.state,
      dueAt: o.dueAt.toISOString(),
      createdAt: o.createdAt.toISOString(),
      lines: o.lines,
    }));
    expect(stored).toHaveLength(count);

    const lines = await ndjson(`/exports/orders?format=ndjson&workAreaId=${h.workAreaId}`);
    expect(lines.map((o) => ({ id: o.id, reference: o.reference, state: o.state, dueAt: o.dueAt, createdAt: o.createdAt, lines: o.lines }))).toEqual(stored);

    const res = await get(`/exports/orders?workAreaId=${h.workAreaId}`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-.*\.csv"$/);
    const [header, ...rows] = parseCsv(await res.text());
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => ({ id: r[column('id')], reference: r[column('reference')], state: r[column('state')], dueAt: r[column('dueAt')], createdAt: r[column('createdAt')], lines: JSON.parse(r[column('lines')]!) }))).toEqual(stored);
  });

  describe('filters', () => {
    const refs: Record<string, string> = {};
    let ids: string[];
    beforeAll(async () => {
      // Taken 30, 20, 10 and 1 hours ago; two production orders; one queued.
      const plan = [
        { reference: 'F-30h', ago: 30, kind: 'pick' as const },
        { reference: 'F-20h', ago: 20, kind: 'production' as const },
        { reference: 'F-10h', ago: 10, kind: 'production' as const },
        { reference: 'F-1h', ago: 1, kind: 'pick' as const },
      ];
      ids = await storeOrders(small, plan.map(({ reference, kind }) => ({ reference, kind })));
      const db = sqlOn(h.store.em.fork());
      for (const [i, p] of plan.entries()) {
        refs[ids[i]!] = p.reference;
        await sql`update orders set created_at = ${hoursAgo(p.ago)} where id = ${ids[i]}`.execute(db);
      }
      await sql`update orders set state = ${'queued'} where id = ${ids[3]}`.execute(db);

      const rule = (name: string, fired: boolean, sentence: string): RuleExplanation =>
        ({ name, description: '', fired, applied: fired, points: fired ? 50 : 0, event: { type: 'points', params: {} }, sentence, conditions: { kind: 'all', result: fired, children: [] } });
      const decide = (orderId: string, decisionPoint: string, ago: number, rules: RuleExplanation[], evaluation: Partial<Evaluation['outcome']>) =>
        storeDecision(h.store.em.fork(), {
          id: `${orderId}:${decisionPoint}`,
          orderId,
          ruleset: { id: `rs-${decisionPoint}`, name: `${decisionPoint} rules`, version: 3, decisionPoint } as unknown as RulesetView,
          facts: { slackHours: -1, account: '=cmd' },
          evaluation: { outcome: { events: [], score: null, chosen: null, ...evaluation }, rules } as unknown as Evaluation,
          at: hoursAgo(ago),
        });
      await decide(ids[0]!, 'priority', 29, [rule('Overdue', true, '+50 because slackHours -1 is less than 0'), rule('Major', false, 'accountTier is not major')], { score: 50 });
      await decide(ids[0]!, 'intake', 29.5, [rule('Accept', true, 'nothing is wrong')], { chosen: { rule: 'Accept', type: 'accept', params: {} } });
      await decide(ids[2]!, 'priority', 9, [rule('Overdue', false, 'slackHours 30 is not less than 0')], { score: 0 });
      await insertAudit(h.store.em.fork(), { dedupeKey: `area-paused:${small}`, subjectType: 'work_area', subjectId: small, action: 'status_changed', actor: 'dan', reason: '+ paused for cleaning', at: hoursAgo(5) });
      await insertAudit(h.store.em.fork(), { dedupeKey: `login:${small}`, subjectType: 'user', subjectId: 'u-1', action: 'login', actor: 'dan', at: hoursAgo(5) });
    });

    it.each([
      { query: '', expected: ['F-30h', 'F-20h', 'F-10h', 'F-1h'] },
      { query: '&from=H25', expected: ['F-20h', 'F-10h', 'F-1h'] },
      { query: '&to=H15', expected: ['F-30h', 'F-20h'] },
      { query: '&from=H25&to=H5', expected: ['F-20h', 'F-10h'] },
      { query: '&kind=production', expected: ['F-20h', 'F-10h'] },
      { query: '&state=queued', expected: ['F-1h'] },
      { query: '&state=captured&kind=pick', expected: ['F-30h'] },
      { query: '&state=closed', expected: [] },
    ])('orders$query: $expected', async ({ query, expected }) => {
      const rows = await ndjson(`/exports/orders?format=ndjson&workAreaId=${small}${instants(query)}`);
      expect(rows.map((o) => o.reference)).toEqual(expected);
    });

    it.each([
      { query: '', expected: ['F-30h:intake', 'F-30h:priority', 'F-10h:priority'] },
      { query: '&decisionPoint=priority', expected: ['F-30h:priority', 'F-10h:priority'] },
      { query: '&from=H20', expected: ['F-10h:priority'] },
      { query: '&to=H29.2', expected: ['F-30h:intake'] },
    ])('decisions$query: $expected', async ({ query, expected }) => {
      const rows = await ndjson(`/exports/decisions?format=ndjson&workAreaId=${small}${instants(query)}`);
      expect(rows.map((d) => `${refs[d.orderId as string]}:${d.decisionPoint as string}`)).toEqual(expected);
      for (const d of rows) expect(d).toMatchObject({ workAreaId: small, rulesetVersion: 3, rules: expect.any(Array), facts: { slackHours: -1 } });
    });

    it('decisions in CSV carry the outcome and why each rule did or did not apply', async () => {
      const res = await get(`/exports/decisions?workAreaId=${small}&decisionPoint=priority`, { accept: 'text/csv' });
      const [header, first] = parseCsv(await res.text());
      const row = Object.fromEntries(header!.map((name, i) => [name, first![i]]));
      expect(row).toMatchObject({ decisionPoint: 'priority', outcome: 'score 50', score: '50', rulesetName: 'priority rules', rulesetVersion: '3' });
      expect(row.explanation).toBe('Overdue: +50 because slackHours -1 is less than 0\nMajor: accountTier is not major');
      expect(JSON.parse(row.facts!)).toEqual({ slackHours: -1, account: '=cmd' });
    });

    it.each([
      { query: '', expected: ['order:intake', 'order:intake', 'order:intake', 'order:intake', 'decision:priority_decided', 'decision:intake_decided', 'decision:priority_decided', 'work_area:status_changed'] },
      { query: '&subjectType=decision', expected: ['decision:priority_decided', 'decision:intake_decided', 'decision:priority_decided'] },
      { query: '&action=status_changed', expected: ['work_area:status_changed'] },
      { query: '&from=H6&to=H4', expected: ['work_area:status_changed'] },
    ])('audit$query: $expected', async ({ query, expected }) => {
      const rows = await ndjson(`/exports/audit?format=ndjson&workAreaId=${small}${instants(query)}`);
      expect(rows.map((e) => `${e.subjectType as string}:${e.action as string}`)).toEqual(expected);
    });

    it('the audit log without an area filter has everyone’s entries, in the order written', async () => {
      const rows = await ndjson('/exports/audit?format=ndjson&subjectType=user');
      expect(rows.map((e) => e.subjectId)).toContain('u-1');
      const seqs = (await ndjson('/exports/audit?format=ndjson')).map((e) => e.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    });

    it('a cell that a spreadsheet would run as a formula comes out as text', async () => {
      const [id] = await storeOrders(small, [{ reference: '=HYPERLINK("http://evil","x")', account: '-2+3' }]);
      const res = await get(`/exports/orders?workAreaId=${small}`);
      const [header, ...rows] = parseCsv(await res.text());
      const row = rows.find((r) => r[header!.indexOf('id')] === id)!;
      expect(row[header!.indexOf('reference')]).toBe(`'=HYPERLINK("http://evil","x")`);
      expect(row[header!.indexOf('account')]).toBe(`'-2+3`);
      const audit = parseCsv(await (await get(`/exports/audit?workAreaId=${small}&action=status_changed`)).text());
      expect(audit[1]![audit[0]!.indexOf('reason')]).toBe(`'+ paused for cleaning`);
    });
  });

  it('an order’s carrier type and COD amount come out in CSV and NDJSON', async () => {
    const [id] = await storeOrders(small, [{ reference: 'COD-export', paymentMode: 'cod', codAmount: 12.5, carrierType: 'prime' }]);
    const [header, ...rows] = parseCsv(await (await get(`/exports/orders?workAreaId=${small}`)).text());
    const row = rows.find((r) => r[header!.indexOf('id')] === id)!;
    expect([row[header!.indexOf('carrierType')], row[header!.indexOf('codAmount')]]).toEqual(['prime', '12.5']);
    const line = (await ndjson(`/exports/orders?format=ndjson&workAreaId=${small}`)).find((o) => o.id === id);
    expect(line).toMatchObject({ carrierType: 'prime', codAmount: 12.5 });
  });

  it.each([
    { path: '/exports/orders?from=H1&to=H2', field: 'to' },
    { path: '/exports/orders?format=xml', field: 'format' },
    { path: '/exports/orders?from=yesterday', field: 'from' },
    { path: '/exports/decisions?decisionPoint=lunch', field: 'decisionPoint' },
    { path: '/exports/audit?subjectType=everything', field: 'subjectType' },
  ])('$path: 400 naming $field', async ({ path, field }) => {
    const res = await get(instants(path));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toContain(field);
  });

  it('the Accept header chooses NDJSON when no format is given', async () => {
    const res = await get(`/exports/orders?workAreaId=${small}`, { accept: 'application/x-ndjson' });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(JSON.parse((await res.text()).split('\n')[0]!)).toHaveProperty('id');
  });
});

/** `H25` in a query as the instant 25 hours ago: a test's instants come from the clock it runs on. */
const instants = (query: string) => query.replace(/H([\d.]+)/g, (_, h: string) => encodeURIComponent(hoursAgo(Number(h)).toISOString()));
