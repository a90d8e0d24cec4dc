import type { EntityManager } from '@mikro-orm/sql';
import type { WorkArea } from '../domain/work-area.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { findVersion, publishVersion } from './rulesets.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

export const DEFAULT_WORK_AREA: WorkArea = { id: 'pick-a', name: 'Pick zone A', kind: 'pick_zone', wipLimit: 1 };

/**
 * What a fresh installation needs to take orders: a work area and a published priority ruleset.
 * Existing rows are left alone, so an ops manager's changes survive a restart.
 */
export async function seedDefaults(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    if (!(await tx.findOne(WorkAreaRecord, { id: DEFAULT_WORK_AREA.id }))) tx.create(WorkAreaRecord, DEFAULT_WORK_AREA);
    if (!(await findVersion(tx, 'priority', 1))) {
      await publishVersion(tx, defaultPriorityRuleset, { author: 'system', note: 'Default ruleset shipped with Sluice' });
    }
  });
}
