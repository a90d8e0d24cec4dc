import type { EntityManager } from '@mikro-orm/sql';
import { lockedDayMessage, lockedDayOfOrder } from '../../store/reconciliation/day-lock.ts';
import { UserError } from '../errors.ts';

/**
 * Refuses a money change on the order (cash collected or remitted, an invoice or credit note) that would alter a
 * signed-off day: 409, naming the day to reopen. Checked before the change is sent on; a sign-off committing in
 * between is the one window, and the day's snapshot then shows the figures it was signed with.
 */
export async function refuseOnSignedOffDay(em: EntityManager, orderId: string): Promise<void> {
  const locked = await lockedDayOfOrder(em, orderId, new Date());
  if (locked) throw new UserError(409, 'day_signed_off', lockedDayMessage(locked));
}
