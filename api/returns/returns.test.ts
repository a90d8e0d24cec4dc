import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../domain/document.ts';
import type { OrderSummary } from '../../domain/order.ts';
import type { RmaDetail } from '../../domain/returns/rma.ts';
import type { Role } from '../../domain/roles.ts';
import { AccountLedgerRecord } from '../../store/accounts/account-ledger.entity.ts';
import { AccountRecord } from '../../store/accounts/account.entity.ts';
import { StockRecord } from '../../store/inventory/stock.entity.ts';
import { completedOrder } from '../../test/completed-order.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Customer returns through the API, with the worker issuing their credit notes. */
describe('customer returns (RMA)', () => {
  let h: Harness;
  let order: OrderSummary;
  const account = `RET-${Date.now()}`;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    h = await createHarness({ worker: true, wipLimit: 5 });
    expect((await h.request('/accounts', { method: 'POST', role: 'admin', body: JSON.stringify({ code: account, name: 'Returns Ltd' }) })).status).toBe(201);
    order = await completedOrder(h, { reference: `RET-${Date.now()}`, account, warehouse: 'W-RET', lines: [{ sku: 'LAMP', qty: 6, price: 150 }] });
    expect((await h.request(`/orders/${order.id}/documents`, { method: 'POST', role: 'order_processor', body: JSON.stringify({ kind: 'invoice' }) })).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const post = async (path: string, body: unknown, role: Role = 'order_processor') => {
    const res = await h.request(path, { method: 'POST', role, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as RmaDetail & { error?: { message: string } } };
  };
  const step = (id: string, action: string) => post(`/returns/${id}/actions`, { action });
  const receivable = async () => (await h.store.em.fork().findOneOrFail(AccountRecord, { code: account })).receivable;

  it('processes a return to a credit note: the goods are restocked, the note has its CN number and the ledger moves', { timeout: 120_000 }, async () => {
    const before = await receivable();
    const requested = await post(`/orders/${order.id}/returns`, { lines: [{ sku: 'LAMP', qty: 2, reason: 'damaged', note: 'Shade cracked' }] });
    expect(requested.status).toBe(201);
    const rma = requested.body;
    expect(rma).toMatchObject({ state: 'requested', approver: 'order_processor', valueCents: 30_000, decisionId: `rma:${rma.id}` });

    expect((await post(`/returns/${rma.id}/approval`, { decision: 'approve' })).body.state).toBe('approved');
    for (const action of ['receive', 'inspect', 'restock']) expect((await step(rma.id, action)).status).toBe(200);
    expect((await h.store.em.fork().findOneOrFail(StockRecord, { warehouse: 'W-RET', sku: 'LAMP' })).onHand).toBe(2);

    const credited = await step(rma.id, 'credit');
    expect(credited.status).toBe(200);
    expect(credited.body).toMatchObject({ state: 'credited', outcome: 'credited', disposition: 'restocked' });
    expect(credited.body.creditNoteNumber).toMatch(new RegExp(`^CN-${year}-\\d{6}$`));
    expect(credited.body.timeline.map((e) => e.action)).toEqual(['request', 'approve', 'receive', 'inspect', 'restock', 'credit']);

    const { documents } = (await (await h.request(`/orders/${order.id}/documents`)).json()) as { documents: DocumentSummary[] };
    const note = documents.find((d) => d.id === credited.body.creditNoteId)!;
    expect(note).toMatchObject({ kind: 'credit_note', number: credited.body.creditNoteNumber, correctsId: documents.find((d) => d.kind === 'invoice')!.id });
    expect(await receivable()).toBeCloseTo(before - 300, 2);

    // Settling again changes nothing: the lifecycle is at its end.
    expect((await step(rma.id, 'credit')).status).toBe(409);
    expect(await receivable()).toBeCloseTo(before - 300, 2);

    // Crediting the whole invoice now would credit the returned lamps a second time.
    const invoiceId = documents.find((d) => d.kind === 'invoice')!.id;
    const full = await post(`/documents/${invoiceId}/credit-notes`, { reason: 'Customer cancelled the rest' }, 'finance');
    expect(full.status).toBe(409);
    expect(full.body.error?.message).toContain('already credited in part');
    expect(await receivable()).toBeCloseTo(before - 300, 2);
  });

  it('refuses to credit a return whose invoice was credited in full: those goods were credited with it', { timeout: 120_000 }, async () => {
    const other = await completedOrder(h, { reference: `RET-FULL-${Date.now()}`, account, warehouse: 'W-RET-FULL', lines: [{ sku: 'LAMP', qty: 1, price: 150 }] });
    const invoice = await h.request(`/orders/${other.id}/documents`, { method: 'POST', role: 'order_processor', body: JSON.stringify({ kind: 'invoice' }) });
    const invoiceId = ((await invoice.json()) as DocumentSummary).id;
    expect((await post(`/documents/${invoiceId}/credit-notes`, { reason: 'Goodwill: the whole order' }, 'finance')).status).toBe(201);
    const before = await receivable();

    const requested = await post(`/orders/${other.id}/returns`, { lines: [{ sku: 'LAMP', qty: 1, reason: 'damaged', note: 'Base bent' }] });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const rma = requested.body;
    const approved = await post(`/returns/${rma.id}/approval`, { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    for (const action of ['receive', 'inspect', 'restock']) expect((await step(rma.id, action)).status).toBe(200);
    const credited = await step(rma.id, 'credit');
    expect(credited.status, JSON.stringify(credited.body)).toBe(409);
    expect(credited.body.error?.message).toContain('already credited in full');
    expect(await receivable()).toBeCloseTo(before, 2);
    // An exchange is still open to it.
    const exchanged = await step(rma.id, 'exchange');
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
  });

  it('above the threshold only finance approves; a refund posts the money paid back', { timeout: 120_000 }, async () => {
    const requested = await post(`/orders/${order.id}/returns`, { lines: [{ sku: 'LAMP', qty: 4, reason: 'defective' }] });
    expect(requested.body).toMatchObject({ state: 'requested', approver: 'finance', valueCents: 60_000 });
    const id = requested.body.id;

    const refused = await post(`/returns/${id}/approval`, { decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toMatch(/finance decides/);
    expect((await post(`/returns/${id}/approval`, { decision: 'approve' }, 'finance')).body.state).toBe('approved');

    for (const action of ['receive', 'inspect', 'scrap']) expect((await step(id, action)).status).toBe(200);
    const before = await receivable();
    const refunded = await step(id, 'refund');
    expect(refunded.body).toMatchObject({ state: 'refunded', disposition: 'scrapped' });
    // The credit note takes 600.00 off what the account owes; the refund pays it out: the balance is where it was.
    expect(await receivable()).toBeCloseTo(before, 2);
    const entries = await h.store.em.fork().find(AccountLedgerRecord, { accountCode: account, reference: refunded.body.creditNoteNumber! });
    expect(entries.map((e) => [e.kind, e.amount]).sort()).toEqual([['credit_note', -600], ['refund', 600]]);
    // Scrapped goods do not come back on hand.
    expect((await h.store.em.fork().findOneOrFail(StockRecord, { warehouse: 'W-RET', sku: 'LAMP' })).onHand).toBe(2);
  });

  it('refuses a seventh lamp of six, and an order not yet delivered', { timeout: 60_000 }, async () => {
    const more = await post(`/orders/${order.id}/returns`, { lines: [{ sku: 'LAMP', qty: 1, reason: 'other' }] });
    expect(more.status).toBe(409);
    expect(more.body.error!.message).toMatch(/Only 0 of SKU LAMP can still be returned/);
    const fresh = (await (await h.request('/orders', { method: 'POST', body: JSON.stringify({ account, dueAt: new Date(Date.now() + 86_400_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'LAMP', qty: 1, price: 1 }] }) })).json()) as OrderSummary;
    const early = await post(`/orders/${fresh.id}/returns`, { lines: [{ sku: 'LAMP', qty: 1, reason: 'other' }] });
    expect(early.status).toBe(409);
    expect(early.body.error!.message).toMatch(/only once the order is delivered or completed/);
  });

  it('an exchange takes a replacement order for the returned lines through intake, linked to the return', { timeout: 120_000 }, async () => {
    const other = await completedOrder(h, { reference: `EXC-${Date.now()}`, account, warehouse: 'W-RET', lines: [{ sku: 'BULB', qty: 3, price: 4 }] });
    const { body: rma } = await post(`/orders/${other.id}/returns`, { lines: [{ sku: 'BULB', qty: 2, reason: 'wrong_item' }] });
    await post(`/returns/${rma.id}/approval`, { decision: 'approve' });
    for (const action of ['receive', 'inspect', 'restock']) await step(rma.id, action);
    const exchanged = await step(rma.id, 'exchange');
    expect(exchanged.body).toMatchObject({ state: 'exchanged', outcome: 'exchanged' });
    const replacement = await h.getOrder(exchanged.body.exchangeOrderId!);
    expect(replacement).toMatchObject({ account, lines: [{ sku: 'BULB', qty: 2, price: 0 }] });
    expect((await step(rma.id, 'exchange')).status).toBe(409);
  });

  it('lists returns by state', async () => {
    const res = await h.request('/returns?state=credited', { role: 'finance' });
    const { returns } = (await res.json()) as { returns: RmaDetail[] };
    expect(returns.map((r) => r.state)).toEqual(['credited']);
  });
});
