import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RmaApprover, RmaLine, RmaState } from '../../domain/returns/rma.ts';

/**
 * A customer return (RMA) of one order's goods. Its state moves only by a conditional update (`state =` the
 * state it was read in) in the transaction of its audit entry, so two people acting at once never both succeed.
 */
export const RmaRecord = defineEntity({
  name: 'RmaRecord',
  tableName: 'rmas',
  properties: {
    id: p.string().primary(),
    orderId: p.string().index(),
    accountCode: p.string(),
    state: p.string().$type<RmaState>(),
    approver: p.string().$type<RmaApprover>(),
    /** The rma rules' decision (decisions.id) that named the approver; null when no rules were in force. */
    decisionId: p.string().nullable(),
    lines: p.json<RmaLine[]>(),
    /** Integer cents at the order's prices. */
    valueCents: p.integer(),
    disposition: p.string().$type<'restocked' | 'scrapped'>().nullable(),
    /** The settlement chosen: set when it is reserved (before its credit note or order is made), done once the state says so. */
    outcome: p.string().$type<'refunded' | 'credited' | 'exchanged'>().nullable(),
    creditNoteId: p.string().nullable(),
    exchangeOrderId: p.string().nullable(),
    requestedBy: p.string(),
    requestedAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['state', 'requestedAt'] }, { properties: ['requestedAt'] }],
});
export type RmaRecord = InferEntity<typeof RmaRecord>;

/**
 * What an order's live RMAs claim of each SKU: the sum over its RMAs not rejected or cancelled. One atomic
 * `qty = qty + n where qty + n <= shipped` per line keeps two returns requested at once from passing what shipped.
 */
export const ReturnClaimRecord = defineEntity({
  name: 'ReturnClaimRecord',
  tableName: 'return_claims',
  properties: {
    orderId: p.string().primary(),
    sku: p.string().primary(),
    qty: p.integer(),
  },
});
export type ReturnClaimRecord = InferEntity<typeof ReturnClaimRecord>;
