import { ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../domain/reconciliation/site-day.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { ReconciliationDayRecord } from '../../store/reconciliation/reconciliation-day.entity.ts';
import { WorkAreaRecord } from '../../store/work-area.entity.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { issueOrderDocument } from './issue-document.ts';

/**
 * The signed-off day holds on every path to an invoice or credit note (a print job, a return's credit note,
 * a request that passed the API's check just before the sign-off), because they all issue through here.
 */
describe('issuing on a signed-off day', () => {
  const store = useTempStore();
  const now = new Date();
  const deps = () => ({ store: store(), temporal: null as unknown as Client, taskQueue: 'unused', clock: () => now });
  const issue = (orderId: string, kind: 'invoice' | 'packing_slip') => issueOrderDocument(deps(), 'http://sluice.test', { kind, orderId, issuedBy: 'test' });

  it('refuses a new invoice for an order of the locked site and day, issues its shipping papers, and the invoice once reopened', async () => {
    const em = store().em.fork();
    em.create(WorkAreaRecord, { id: 'lock-area', name: 'Lock area', kind: 'pick_zone', warehouse: 'W-LOCK', timeZone: 'UTC', wipLimit: 5 });
    em.create(OrderRecord, { id: 'lock-order', account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(4)), workAreaId: 'lock-area', warehouse: 'W-LOCK', lines: [{ sku: 'A-1', qty: 1, price: 10 }], state: 'completed' });
    const day = em.create(ReconciliationDayRecord, { site: 'W-LOCK', day: dayOf(now, 'UTC'), status: 'signed_off', report: {} as never, sha256: 'x', signedOffBy: 'fred', signedOffAt: now });
    await em.flush();

    const refused = await issue('lock-order', 'invoice').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'DaySignedOff', nonRetryable: true, message: `W-LOCK ${day.day} is signed off; reopen it first` });
    expect((await issue('lock-order', 'packing_slip')).kind).toBe('packing_slip');

    day.status = 'reopened';
    await em.flush();
    expect((await issue('lock-order', 'invoice')).number).toMatch(/^INV-/);
  });
});
