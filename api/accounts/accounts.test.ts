import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountExposure } from '../../domain/account.ts';
import type { Role } from '../../domain/roles.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Accounts through the API, on the store the suite runs on; orders stay captured (no worker), so they are open. */
describe('accounts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = async (role: Role, method: string, path: string, body?: unknown) => {
    const res = await h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as Record<string, unknown> };
  };
  const order = (account: string, price: number, key?: string) =>
    h.request('/orders', {
      method: 'POST',
      headers: key ? { 'idempotency-key': key } : {},
      body: JSON.stringify({ account, dueAt: hoursFromNow(4), workAreaId: h.workAreaId, paymentMode: 'credit_terms', accountTier: 'standard', lines: [{ sku: 'A', qty: 1, price }] }),
    });

  it('an order processor adds an account, prepaid with no credit; finance alone sets its terms and limit', async () => {
    const created = await send('order_processor', 'POST', '/accounts', { code: 'ACME', name: 'Acme Trading', tier: 'key', majorAccount: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'ACME', tier: 'key', majorAccount: true, paymentTerms: 'prepaid', creditLimit: 0, creditExposure: 0 });
    expect((await send('admin', 'POST', '/accounts', { code: 'ACME', name: 'Again' })).status).toBe(409);

    for (const role of ['order_processor', 'admin', 'dispatcher'] as const) expect((await send(role, 'PUT', '/accounts/ACME/credit', { paymentTerms: 'net_30', creditLimit: 5_000 })).status, role).toBe(403);
    const credit = await send('finance', 'PUT', '/accounts/ACME/credit', { paymentTerms: 'net_30', creditLimit: 5_000 });
    expect(credit.body).toMatchObject({ paymentTerms: 'net_30', creditLimit: 5_000, creditAvailable: 5_000 });
    expect((await send('finance', 'PUT', '/accounts/ACME', { name: 'Acme', tier: 'major', majorAccount: true })).status).toBe(403);
    expect((await send('finance', 'PUT', '/accounts/ACME/credit', { paymentTerms: 'net_7', creditLimit: -1 })).status).toBe(400);
  });

  it('the exposure counts open orders and the ledger, exactly, under 50 orders taken at once', async () => {
    await send('admin', 'POST', '/accounts', { code: 'BUSY', name: 'Busy Retail' });
    await send('finance', 'PUT', '/accounts/BUSY/credit', { paymentTerms: 'net_30', creditLimit: 10_000 });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => order('BUSY', 10 + i)));
    expect(answers.map((r) => r.status).every((s) => s === 201 || s === 202)).toBe(true);
    const expected = Array.from({ length: 50 }, (_, i) => 10 + i).reduce((a, b) => a + b, 0);

    const payments = await Promise.all(Array.from({ length: 10 }, (_, i) => send('finance', 'POST', '/accounts/BUSY/payments', { amount: 7, reference: `TR-${i}` })));
    expect(payments.map((p) => p.status)).toEqual(Array(10).fill(201));
    expect((await send('finance', 'POST', '/accounts/BUSY/payments', { amount: 7, reference: 'TR-0' })).status).toBe(409);
    expect((await send('order_processor', 'POST', '/accounts/BUSY/payments', { amount: 7, reference: 'TR-X' })).status).toBe(403);

    const exposure = (await send('dispatcher', 'GET', '/accounts/BUSY/exposure')).body as unknown as AccountExposure;
    expect(exposure).toEqual({ openOrderValue: expected, openOrderCount: 50, invoiced: 0, paid: 70, credited: 0, refunded: 0, receivable: -70, exposure: expected - 70, creditAvailable: 10_000 - expected + 70 });
    expect(((await send('specialist', 'GET', '/accounts/BUSY')).body as unknown as Account).creditExposure).toBe(expected - 70);
  });

  it('pages and searches by the beginning of a code or name, in any case', async () => {
    for (const [code, name] of [['S-1', 'Northwind'], ['S-2', 'north star'], ['S-3', 'Contoso']]) await send('admin', 'POST', '/accounts', { code, name });
    const names = async (q: string) => ((await send('finance', 'GET', `/accounts?q=${encodeURIComponent(q)}`)).body.accounts as Account[]).map((a) => a.code);
    expect(await names('NORTH')).toEqual(['S-1', 'S-2']);
    expect(await names('s-')).toEqual(['S-1', 'S-2', 'S-3']);
    const first = (await send('finance', 'GET', '/accounts?q=s-&limit=2')).body;
    expect(first.next).toBe('S-2');
    expect(((await send('finance', 'GET', '/accounts?q=s-&limit=2&after=S-2')).body.accounts as Account[]).map((a) => a.code)).toEqual(['S-3']);
  });

  it('keeps contacts with bounded fields, changed by who keeps the account', async () => {
    const added = await send('order_processor', 'POST', '/accounts/ACME/contacts', { name: 'Jo Buyer', role: 'buyer', email: 'jo@acme.example', phone: '+44 20 7946 0000' });
    expect(added.status).toBe(201);
    expect((await send('order_processor', 'POST', '/accounts/ACME/contacts', { name: 'x'.repeat(121) })).status).toBe(400);
    expect((await send('order_processor', 'POST', '/accounts/ACME/contacts', { name: 'Jo', email: 'not an email' })).status).toBe(400);
    expect((await send('finance', 'POST', '/accounts/ACME/contacts', { name: 'Jo' })).status).toBe(403);
    expect((await send('order_processor', 'POST', '/accounts/NOBODY/contacts', { name: 'Jo' })).status).toBe(404);
    const id = added.body.id as string;
    expect((await send('admin', 'PUT', `/accounts/ACME/contacts/${id}`, { name: 'Jo Buyer', phone: '+44 20 7946 0001' })).body).toMatchObject({ phone: '+44 20 7946 0001', email: null });
    expect(((await send('dispatcher', 'GET', '/accounts/ACME/contacts')).body.contacts as unknown[]).length).toBe(1);
    expect((await send('admin', 'DELETE', `/accounts/ACME/contacts/${id}`)).status).toBe(204);
    expect((await send('admin', 'DELETE', `/accounts/ACME/contacts/${id}`)).status).toBe(404);
  });

  it('an order of an account on file takes its tier, and its open orders follow a new tier', async () => {
    await send('admin', 'POST', '/accounts', { code: 'TIERED', name: 'Tiered', tier: 'key' });
    const taken = (await (await order('TIERED', 5)).json()) as { id: string };
    const tier = async () => (await h.store.em.fork().findOneOrFail(OrderRecord, { id: taken.id })).accountTier;
    expect(await tier()).toBe('key');
    await send('admin', 'PUT', '/accounts/TIERED', { name: 'Tiered', tier: 'major', majorAccount: true });
    expect(await tier()).toBe('major');
  });

  it('imports a CSV: adds and changes by code, and lists every bad row with why', async () => {
    const csv = ['code,name,tier,major account', 'ACME,Acme Renamed,major,yes', 'NEW-1,New One,,no', ',No Code,standard,no', 'NEW-2,Bad Tier,gold,maybe', 'NEW-1,Twice,,'].join('\n');
    const res = await h.request('/accounts/import', { method: 'POST', role: 'order_processor', headers: { 'content-type': 'text/csv' }, body: csv });
    const report = (await res.json()) as { created: number; updated: number; invalid: number; rows: { row: number; problems: string[] }[] };
    expect(report).toMatchObject({ created: 1, updated: 1, invalid: 3 });
    expect(report.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(report.rows[1]!.problems.join(' ')).toMatch(/majorAccount.*maybe.*tier/s);
    expect((await send('dispatcher', 'GET', '/accounts/ACME')).body).toMatchObject({ name: 'Acme Renamed', tier: 'major', creditLimit: 5_000 });

    const withCredit = 'code,name,payment terms,credit limit\nNEW-3,Three,net_60,"12,500"';
    const refused = await h.request('/accounts/import', { method: 'POST', role: 'admin', headers: { 'content-type': 'text/csv' }, body: withCredit });
    expect(refused.status).toBe(403);
    await refused.body?.cancel();
  });
});
