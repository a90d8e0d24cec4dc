import type { EntityManager } from '@mikro-orm/sql';
import type { SessionOrderResult } from '../../domain/routes/session-order-actions.ts';
import type { SessionAction } from '../../domain/routes/session-machine.ts';
import { insertAudit } from '../audit-log.ts';

/**
 * Logs what a session step did to each of its orders, beside the step's own entry: the orders' transitions are in
 * their own logs. Every send is logged, a repeat too (two dispatchers at the same millisecond among them).
 */
export async function recordSessionOrderMoves(
  em: EntityManager,
  id: string,
  move: { action: SessionAction; results: readonly SessionOrderResult[]; undelivered: readonly string[]; repeated: boolean; by: string; now: Date },
): Promise<void> {
  const byOutcome = (outcome: SessionOrderResult['outcome']) => Object.fromEntries(move.results.filter((r) => r.outcome === outcome).map((r) => [r.orderId, outcome === 'acted' ? r.actions : r.message]));
  await insertAudit(em, {
    dedupeKey: `route_session:${id}:${move.action}:orders:${crypto.randomUUID()}`,
    subjectType: 'route_session',
    subjectId: id,
    action: `${move.action}_orders`,
    actor: move.by,
    at: move.now,
    data: { acted: byOutcome('acted'), skipped: byOutcome('skipped'), refused: byOutcome('refused'), undelivered: move.undelivered, repeated: move.repeated },
  });
}
