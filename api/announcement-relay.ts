import type { Client } from '@temporalio/client';
import type { Store } from '../store/open-store.ts';
import { markDelivered, pendingAnnouncements, type PendingAnnouncement } from '../store/outbox.ts';
import { repeatUntilStopped } from './repeat-until-stopped.ts';
import { startRulesPublished } from './rules-published.ts';
import { startStoreRestored } from './store-restored.ts';
import { startBulkJob } from './bulk-jobs/start-bulk-job.ts';
import { log } from '../logging/logger.ts';

/*
 * Delivers the outbox's announcements to Temporal and marks them delivered. A process that commits one
 * relays it at once; every worker also relays every few seconds, which delivers what a process that died
 * after its commit left behind. Delivery is at least once (a relay may die between delivering and marking),
 * so every receiver acts on an announcement's id once.
 */

const BATCH = 100;

export interface RelayOptions {
  store: Store;
  temporal: Client;
  taskQueue: string;
}

async function deliver(options: RelayOptions, { id, announcement }: PendingAnnouncement): Promise<void> {
  switch (announcement.kind) {
    case 'rules_published':
      return startRulesPublished(options.temporal, options.taskQueue, id, announcement);
    case 'store_restored':
      return startStoreRestored(options.temporal, options.taskQueue, id, announcement);
    case 'bulk_job_created':
      return startBulkJob(options.temporal, options.taskQueue, announcement.jobId);
  }
}

/** Delivers every announcement pending, oldest first; answers how many. Stops at the first that fails. */
export async function relayAnnouncements(options: RelayOptions): Promise<number> {
  const em = options.store.em.fork();
  let delivered = 0;
  for (;;) {
    const pending = await pendingAnnouncements(em, BATCH);
    for (const item of pending) {
      await deliver(options, item);
      await markDelivered(em, item.id);
      delivered++;
    }
    if (pending.length < BATCH) return delivered;
  }
}

/** Relays at once and then every `intervalMs` until stopped; a failed pass (Temporal down) is logged and tried again. */
export function runAnnouncementRelay(options: RelayOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  return repeatUntilStopped(
    async () => void (await relayAnnouncements(options)),
    options.intervalMs ?? 5_000,
    (err) => log.warn({ component: 'relay', err }, 'delivering announcements failed; trying again later'),
  );
}
