import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { LastMileStatus } from '../domain/last-mile.ts';
import type { CarrierType, Escalation, Hold, IntakeChecks, OrderKind, OrderState, PaymentMode, RoutingStep, StatedPriority } from '../domain/order.ts';
import { referenceKeyOf, searchKeyOf } from './order-search.ts';
import { lastMileRank, statedPriorityRank } from './order-sort-ranks.ts';

export const OrderRecord = defineEntity({
  name: 'OrderRecord',
  tableName: 'orders',
  properties: {
    id: p.string().primary(),
    reference: p.string().nullable(),
    account: p.string(),
    /**
     * The reference and account as the search compares them (searchKeyOf), indexed for a prefix range.
     * PostgreSQL keeps them in the "C" collation (the migration), where text compares by its bytes.
     */
    referenceKey: p.string().nullable().ignoreSchemaChanges('collation').onCreate((order) => referenceKeyOf(order.reference)),
    accountKey: p.string().nullable().ignoreSchemaChanges('collation').onCreate((order) => searchKeyOf(order.account)),
    kind: p.string().$type<OrderKind>(),
    statedPriority: p.string().$type<StatedPriority>(),
    /** The stated priority and last-mile status as the orders table sorts them (order-sort-ranks.ts): written with them. */
    statedPriorityRank: p.integer().default(1).onCreate((order) => statedPriorityRank(order.statedPriority)),
    lastMileRank: p.integer().default(7).onCreate((order) => lastMileRank(order.lastMileStatus)),
    dueAt: p.datetime(),
    /** Where the order waits, or was released into; one of its candidate areas. */
    workAreaId: p.string(),
    /**
     * The areas that may release the order, when it has more than one (order_candidate_areas holds them
     * row by row for the pool reads); null when only its work area may.
     */
    candidateAreas: p.json<string[]>().nullable(),
    lines: p.json<{ sku: string; qty: number; price: number }[]>(),
    zone: p.string().nullable(),
    warehouse: p.string().nullable(),
    /** Where the goods are collected and delivered, in degrees: columns rather than JSON, so a map's box is a range read. */
    pickupLat: p.double().$type<number>().runtimeType('number').nullable(),
    pickupLng: p.double().$type<number>().runtimeType('number').nullable(),
    dropoffLat: p.double().$type<number>().runtimeType('number').nullable(),
    dropoffLng: p.double().$type<number>().runtimeType('number').nullable(),
    requiredSkills: p.json<string[]>().nullable(),
    /** A production order's routing as posted; order_operations holds it row by row for load queries. */
    routing: p.json<RoutingStep[]>().nullable(),
    paymentMode: p.string().$type<PaymentMode>().default('prepaid'),
    /** The carrier type the order must go with; null when any may take it. */
    carrierType: p.string().$type<CarrierType>().nullable(),
    /** A cash-on-delivery order's cash to collect, when it is not the order's value. */
    codAmount: p.float().nullable(),
    accountTier: p.string().nullable(),
    checks: p.json<IntakeChecks>().nullable(),
    parentId: p.string().nullable().index(),
    state: p.string().$type<OrderState>(),
    lastMileStatus: p.string().$type<LastMileStatus>().nullable(),
    priorityScore: p.float().nullable(),
    /** The key of the order's latest release judgement (release_judgements), so a cycle sees what changed without reading it. */
    releaseVerdictKey: p.string().nullable(),
    escalation: p.json<Escalation>().nullable(),
    holds: p.json<Hold[]>().nullable(),
    assignee: p.string().nullable(),
    /** What the order's remit decision found collected minus expected, and when: its driver's variance history. */
    remitVariance: p.float().nullable(),
    remitDecidedAt: p.datetime().nullable(),
    /**
     * When the order was last delivered or completed (its shipment), the cash its driver reported collected on
     * delivery and the cash finance last confirmed remitted: the day's reconciliation sums them in SQL.
     */
    finishedAt: p.datetime().nullable(),
    codCollected: p.float().nullable(),
    codRemitted: p.float().nullable(),
    /** When the order last entered its area's pool, and when it was last released: the operating measures read them. */
    queuedAt: p.datetime().nullable(),
    releasedAt: p.datetime().nullable(),
    /** What the order weighs against a limit counted in units: its lines' quantities. */
    units: p.integer().default(1),
    /**
     * The lines' totals, so that a release cycle reading a pool of a hundred thousand orders need not parse
     * their lines. Null on orders taken before they were stored; their lines are read instead.
     */
    orderValue: p.float().nullable(),
    lineCount: p.integer().nullable(),
    /** The order waits in its area's pool (queued, or escalated while queued). */
    inPool: p.boolean().default(false),
    /** The order takes a slot of its area's capacity (work in process, or escalated from there). */
    holdsSlot: p.boolean().default(false),
    /**
     * The release cycle that granted the order a slot, while it is still in the pool: the grant reserves
     * the slot until the order's workflow takes the release. Leaving the pool (released or not) ends it.
     */
    releaseCycleId: p.string().nullable(),
    /**
     * Intake is idempotent per caller and key: a retried POST finds the order it created the first time,
     * while another caller's key of the same text is another caller's order.
     */
    idempotencyKey: p.string().nullable(),
    /** Who used the key: `user:<id>` or `token:<id>`. */
    idempotencyScope: p.string().nullable(),
    /** Hash of the request body the key was first used with; a different body under the same key is refused. */
    requestHash: p.string().nullable(),
    /**
     * When the intake sweeper made sure the order's workflow exists. Orders the API started need no mark:
     * their workflow takes them out of captured at once, and the sweeper looks only at captured orders.
     */
    workflowConfirmedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  // A release cycle reads one area's pool and the slots taken in it (the grants among a pool of a hundred
  // thousand found in the index, as are the slots held); the order list pages newest first; the intake
  // sweeper looks for captured orders by age; the remit facts count a driver's open remits and recent variances.
  // An account's credit exposure reads the values of its open orders alone, however many it has closed.
  // The orders table pages by (sort key, id) on the columns a dispatcher sorts on, and finds a search's
  // references and accounts by the range of their keys, and its zone by equality.
  indexes: [
    { properties: ['workAreaId', 'inPool', 'releaseCycleId'] },
    { properties: ['workAreaId', 'holdsSlot'] },
    { properties: ['createdAt', 'id'] },
    { properties: ['state', 'createdAt'] },
    { properties: ['assignee', 'state'] },
    { properties: ['dueAt', 'id'] },
    { properties: ['reference', 'id'] },
    { properties: ['account', 'id'] },
    { properties: ['account', 'state', 'orderValue'] },
    { properties: ['priorityScore', 'id'] },
    { properties: ['statedPriorityRank', 'id'] },
    { properties: ['lastMileRank', 'id'] },
    // The desks' filtered pages, read in their sort within the filter: the exceptions desk (states by due
    // time), a kind's queue by score, an area's waiting orders by due time (docs/operations.md, orders-table).
    // They begin with the state and the work area, so no index of either alone is kept: a write pays for fewer.
    { properties: ['state', 'dueAt', 'id'] },
    { properties: ['kind', 'priorityScore', 'id'] },
    { properties: ['workAreaId', 'state', 'dueAt', 'id'] },
    { properties: ['updatedAt', 'id'] },
    { properties: ['kind', 'createdAt'] },
    { properties: ['referenceKey'] },
    { properties: ['accountKey'] },
    { properties: ['zone'] },
    // The map reads a box of drop-offs (or of pickups, for orders without one) as two ranges of one index.
    { properties: ['dropoffLat', 'dropoffLng'] },
    { properties: ['pickupLat', 'pickupLng'] },
    // A site's day for its reconciliation: the orders it captured, released, shipped and had due in the day's range.
    { properties: ['warehouse', 'createdAt'] },
    { properties: ['warehouse', 'releasedAt'] },
    { properties: ['warehouse', 'finishedAt'] },
    { properties: ['warehouse', 'dueAt'] },
  ],
  uniques: [{ properties: ['idempotencyScope', 'idempotencyKey'] }],
});
export type OrderRecord = InferEntity<typeof OrderRecord>;
