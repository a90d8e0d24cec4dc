import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { MAX_ON_HAND } from '../../domain/inventory.ts';
import { nextRmaState, rmaEventOf, rmaRefusal } from '../../domain/returns/rma-machine.ts';
import { RMA_STATE_LABELS, type RmaAction, type RmaState } from '../../domain/returns/rma.ts';
import type { Role } from '../../domain/roles.ts';
import { postToAccount } from '../accounts/post-to-account.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { OrderRecord } from '../order.entity.ts';
import { sqlOn } from '../sql.ts';
import { RmaRecord } from './rma.entity.ts';
import { RmaRefusal } from './rma-summary.ts';

export interface RmaStep {
  id: string;
  action: RmaAction;
  roles: readonly Role[];
  actor: string;
  note?: string | null;
  now: Date;
  /** A credit or refund: the credit note issued for the return (through the document workflow, before this step). */
  creditNote?: { id: string; number: string };
  /** An exchange: the replacement order taken through intake. */
  exchangeOrderId?: string;
}

const DISPOSITIONS: Partial<Record<RmaAction, 'restocked' | 'scrapped'>> = { restock: 'restocked', scrap: 'scrapped' };
const OUTCOMES: Partial<Record<RmaAction, 'refunded' | 'credited' | 'exchanged'>> = { refund: 'refunded', credit: 'credited', exchange: 'exchanged' };

/**
 * One step of an RMA's lifecycle, as the machine allows it for the person's roles: the state moves by a
 * conditional update (`state =` the state read), and the step's effects land in the same transaction with
 * its audit entry. Restocking adds the goods to the order's warehouse; rejecting or cancelling gives the
 * claimed quantities back; a refund posts the money paid back to the account. A second person acting on the
 * same state at once finds it moved and is refused, so no effect is ever applied twice.
 */
export async function stepRma(em: EntityManager, step: RmaStep): Promise<RmaRecord> {
  return inTransaction(em, async (tx) => {
    const rma = await tx.findOne(RmaRecord, { id: step.id });
    if (!rma) throw new RmaRefusal(`No return ${step.id}.`);
    const from = rma.state;
    const to = nextRmaState(from, { approver: rma.approver }, rmaEventOf(step.action, step.roles));
    if (!to) throw new RmaRefusal(rmaRefusal(from, { approver: rma.approver }, step.action));
    const db = sqlOn(tx);
    const disposition = DISPOSITIONS[step.action] ?? rma.disposition ?? null;
    const outcome = OUTCOMES[step.action] ?? null;
    const moved = await sql`update rmas set state = ${to}, updated_at = ${step.now}, disposition = ${disposition}, outcome = ${outcome},
        credit_note_id = ${step.creditNote?.id ?? rma.creditNoteId ?? null}, exchange_order_id = ${step.exchangeOrderId ?? rma.exchangeOrderId ?? null}
      where id = ${rma.id} and state = ${from} returning id`.execute(db);
    if (moved.rows.length === 0) throw await movedMeanwhile(tx, rma.id);
    if (step.action === 'restock') await restock(tx, rma, step.now);
    if (step.action === 'reject' || step.action === 'cancel') {
      for (const line of rma.lines) await sql`update return_claims set qty = qty - ${line.qty} where order_id = ${rma.orderId} and sku = ${line.sku}`.execute(db);
    }
    if (step.action === 'refund') {
      if (!step.creditNote) throw new Error('a refund needs its credit note');
      await postToAccount(tx, { accountCode: rma.accountCode, kind: 'refund', amount: rma.valueCents / 100, reference: step.creditNote.number, key: `refund:${rma.id}`, postedBy: step.actor, at: step.now });
    }
    await insertAudit(tx, {
      dedupeKey: `rma:${rma.id}:${step.action}`,
      subjectType: 'rma',
      subjectId: rma.id,
      action: step.action,
      fromState: from,
      toState: to,
      actor: step.actor,
      reason: step.note || null,
      at: step.now,
      data: step.creditNote || step.exchangeOrderId ? { creditNoteId: step.creditNote?.id, exchangeOrderId: step.exchangeOrderId } : null,
    });
    return (await tx.findOneOrFail(RmaRecord, { id: rma.id }, { refresh: true })) as RmaRecord;
  });
}

async function movedMeanwhile(tx: EntityManager, id: string): Promise<RmaRefusal> {
  const { rows } = await sql<{ state: RmaState }>`select state from rmas where id = ${id}`.execute(sqlOn(tx));
  const now = rows[0]?.state;
  return new RmaRefusal(`Someone else acted on this return at the same moment: it is now ${now ? RMA_STATE_LABELS[now].toLowerCase() : 'gone'}. Nothing was changed; look at it again.`);
}

/** Puts the returned units back on hand in the order's warehouse. */
async function restock(tx: EntityManager, rma: RmaRecord, now: Date): Promise<void> {
  const order = await tx.findOne(OrderRecord, { id: rma.orderId }, { fields: ['warehouse'] });
  const warehouse = order?.warehouse;
  if (!warehouse) throw new RmaRefusal(`Order ${rma.orderId} names no warehouse, so its goods have nowhere to be restocked: scrap them instead.`);
  for (const line of rma.lines) {
    const { rows } = await sql`insert into stock (warehouse, sku, on_hand, reserved, updated_at) values (${warehouse}, ${line.sku}, ${line.qty}, ${0}, ${now})
      on conflict (warehouse, sku) do update set on_hand = stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
      where stock.on_hand + excluded.on_hand <= ${MAX_ON_HAND} returning sku`.execute(sqlOn(tx));
    if (rows.length === 0) throw new RmaRefusal(`Warehouse ${warehouse} would hold more than ${MAX_ON_HAND} of ${line.sku}.`);
  }
}

/**
 * Reserves an inspected return for one settlement before its credit note or replacement order is made, so
 * that a credit and an exchange asked at once cannot both make theirs: false when another settlement has it.
 * The same settlement again (a retry, a second click) finds its own reservation and goes on.
 */
export async function reserveSettlement(em: EntityManager, id: string, action: 'refund' | 'credit' | 'exchange'): Promise<boolean> {
  const outcome = OUTCOMES[action]!;
  const { rows } = await sql`update rmas set outcome = ${outcome} where id = ${id} and state in (${sql.join(['restocked', 'scrapped'])})
    and (outcome is null or outcome = ${outcome}) returning id`.execute(sqlOn(em.fork()));
  return rows.length > 0;
}

/**
 * Gives back a reservation whose settlement was refused before anything was made (no invoice to credit, an
 * invoice already credited in full), so that the return can be settled another way.
 */
export async function releaseSettlement(em: EntityManager, id: string, action: 'refund' | 'credit' | 'exchange'): Promise<void> {
  await sql`update rmas set outcome = null where id = ${id} and state in (${sql.join(['restocked', 'scrapped'])}) and outcome = ${OUTCOMES[action]!}`.execute(sqlOn(em.fork()));
}
