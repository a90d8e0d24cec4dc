import { z } from 'zod';
import type { CARRIER_TYPES } from '../resource.ts';
import { oneLine, paragraph } from '../text.ts';
import { stopKind } from '../trips/trip.ts';

/** What a driver reports of a stop: there, done (picked up or delivered), or failed. */
export const REPORTED_STATUSES = ['arrived', 'done', 'failed'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/** A cash-on-delivery order's amount is at most this: more cash than that in a van is not a delivery. */
export const MAX_CASH = 1_000_000;
const cents = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/** Only the company's own drivers take cash (the default assignment rules skip the others for COD orders). */
export const CASH_CARRIERS: readonly (typeof CARRIER_TYPES)[number][] = ['internal'];

export const proofOfDelivery = z.strictObject({
  recipientName: oneLine(100, 'say who took the goods'),
  note: paragraph(500).optional(),
});

export const stopReport = z
  .strictObject({
    orderId: oneLine(200),
    kind: stopKind,
    status: z.enum(REPORTED_STATUSES),
    /** Why the stop failed: not home, refused, address wrong… Required when it failed. */
    reason: paragraph(500).optional(),
    /** Cash taken from the customer on a cash-on-delivery drop-off, in the order's currency. */
    cashCollected: z.number().min(0, 'cash collected is 0 or more').max(MAX_CASH, `at most ${MAX_CASH}`).refine(cents, 'at most two decimals (cents)').optional(),
    proof: proofOfDelivery.optional(),
  })
  .refine((r) => r.status !== 'failed' || (r.reason ?? '').length > 0, { message: 'say why the stop failed (not home, refused, address wrong…)', path: ['reason'] })
  .refine((r) => r.proof === undefined || (r.status === 'done' && r.kind === 'dropoff'), { message: 'proof of delivery goes with a drop-off reported done', path: ['proof'] });
export type StopReport = z.infer<typeof stopReport>;

/** The order a report is about, as far as cash goes. */
export interface CashOrder {
  id: string;
  paymentMode: string;
}

/** Why cash in a report cannot be taken as given, in words a driver can act on; null when it can. */
export function cashRefusal(report: Pick<StopReport, 'kind' | 'status' | 'cashCollected'>, order: CashOrder, carrierType: string): string | null {
  const cod = order.paymentMode === 'cod';
  const delivering = report.kind === 'dropoff' && report.status === 'done';
  if (report.cashCollected !== undefined) {
    if (!delivering) return 'Cash is collected with the delivery: report it on the drop-off, with status done.';
    if (!cod) return `Order ${order.id} is not cash on delivery: collect nothing, and leave cash collected out of the report.`;
    if (!CASH_CARRIERS.includes(carrierType as never)) return `Your carrier type (${carrierType}) does not collect cash on delivery: hand no cash over, and call your dispatcher about order ${order.id}.`;
    return null;
  }
  if (cod && delivering && CASH_CARRIERS.includes(carrierType as never)) return `Order ${order.id} is cash on delivery: say how much cash you collected (0 if the customer paid nothing).`;
  return null;
}
