import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * How far a driver has read an order's conversation: the newest message (seq) they have fetched. Mentions of
 * the driver after it are unread. A marker, not a change of the thread, so it is overwritten, not audited,
 * like a notification's read flag.
 */
export const DriverThreadReadRecord = defineEntity({
  name: 'DriverThreadReadRecord',
  tableName: 'driver_thread_reads',
  properties: {
    driverId: p.string().primary(),
    orderId: p.string().primary(),
    readSeq: p.integer(),
  },
});
export type DriverThreadReadRecord = InferEntity<typeof DriverThreadReadRecord>;
