import { repeatUntilStopped } from '../api/repeat-until-stopped.ts';
import { log } from '../logging/logger.ts';
import { notifyDeadlinesSoon } from '../store/notifications/deadline-notifications.ts';
import type { Store } from '../store/open-store.ts';

/*
 * Tells the dispatchers of orders about to pass their due time. Every worker process runs one: the
 * notifications are keyed by order, so passes racing each other write each once.
 */
export function runDeadlineNotifier(options: { store: Store; intervalMs?: number; clock?: () => Date }): { stop(): Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  return repeatUntilStopped(
    async () => void (await notifyDeadlinesSoon(options.store.em.fork(), clock())),
    options.intervalMs ?? 60_000,
    (err) => log.warn({ component: 'deadline-notifier', err }, 'notifying of deadlines failed; trying again later'),
  );
}
