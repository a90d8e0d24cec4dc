import { z } from 'zod';
import { DECISION_POINTS } from './decision-points.ts';

/**
 * Work a committed change hands to Temporal. It is stored in the change's transaction (the outbox) and
 * delivered after the commit, so a process that dies in between loses nothing.
 */
export const announcement = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rules_published'),
    decisionPoint: z.enum(DECISION_POINTS),
    version: z.number().int().positive().max(1_000_000),
    effectiveFrom: z.iso.datetime().nullable(),
  }),
  // Written into a store restored from a backup: the workflows may be ahead of it (store/backup/).
  z.object({
    kind: z.literal('store_restored'),
    backupTakenAt: z.iso.datetime(),
  }),
  // A bulk job made: its workflow works through the items (api/bulk-jobs/).
  z.object({
    kind: z.literal('bulk_job_created'),
    jobId: z.string().max(100),
  }),
]);
export type Announcement = z.infer<typeof announcement>;
