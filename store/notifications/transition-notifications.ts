import type { EntityManager } from '@mikro-orm/sql';
import { orderLink } from '../../domain/notification.ts';
import type { Hold } from '../../domain/order.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import type { OrderTransition } from '../order-transition.ts';
import { notifyRole, notifyUsername } from './notifications.ts';

/** The transitions that notify someone: an escalation (its role), a hold released (whoever placed it). */
export const notifiesOfTransition = (t: OrderTransition): boolean => isEscalation(t) || t.event === 'RELEASE_HOLD';

// Entering escalated, or handed up to another role while escalated (a breached deadline).
const isEscalation = (t: OrderTransition) => t.to === 'escalated' && t.escalation !== null && (t.from !== 'escalated' || t.event === 'ESCALATE');

/**
 * Writes the notifications a transition causes, in its record's transaction and after its audit entry
 * was written for the first time, so a record retried notifies nobody twice. Each is keyed by the
 * transition's key as well. `heldBefore` is the order's holds before the transition (for a released hold).
 */
export async function notifyOfTransition(tx: EntityManager, t: OrderTransition, order: { reference: string | null }, heldBefore: readonly Hold[], now: Date): Promise<void> {
  const name = order.reference ?? t.orderId;
  const link = orderLink(t.orderId);
  if (isEscalation(t)) {
    const { role, reason } = t.escalation!;
    await notifyRole(tx, role, { key: `escalated:${t.key}`, kind: 'escalated_to_my_role', title: `Order ${name} escalated to the ${ROLE_LABELS[role]} queue`.slice(0, 200), text: reason.slice(0, 1000), link }, now);
  }
  if (t.event === 'RELEASE_HOLD') {
    const holdType = (t.data as { holdType?: string } | null)?.holdType;
    const released = heldBefore.find((h) => h.type === holdType && !t.holds.some((still) => still.type === h.type));
    // Releasing one's own hold needs no news.
    if (!released || released.placedBy === t.actor) return;
    const text = t.reason ? `${t.actor}: ${t.reason}` : `Released by ${t.actor}.`;
    await notifyUsername(tx, released.placedBy, { key: `hold-released:${t.key}`, kind: 'my_hold_released', title: `Your ${released.type} hold on order ${name} was released`.slice(0, 200), text: text.slice(0, 1000), link }, now);
  }
}
