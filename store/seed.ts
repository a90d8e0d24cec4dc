import type { EntityManager } from '@mikro-orm/sql';
import type { WorkArea } from '../domain/work-area.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { RulesetVersionRecord } from './ruleset-version.entity.ts';
import { RulesetRecord } from './ruleset.entity.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

export const DEFAULT_WORK_AREA: WorkArea = { id: 'pick-a', name: 'Pick zone A', kind: 'pick_zone', wipLimit: 1 };
export const DEFAULT_PRIORITY_RULESET_ID = 'priority-default';

/**
 * What a fresh installation needs to take orders: a work area and a published priority ruleset.
 * Existing rows are left alone, so an ops manager's changes survive a restart.
 */
export async function seedDefaults(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    if (!(await tx.findOne(WorkAreaRecord, { id: DEFAULT_WORK_AREA.id }))) tx.create(WorkAreaRecord, DEFAULT_WORK_AREA);
    if (!(await tx.findOne(RulesetRecord, { id: DEFAULT_PRIORITY_RULESET_ID }))) {
      tx.create(RulesetRecord, { id: DEFAULT_PRIORITY_RULESET_ID, decisionPoint: 'priority', name: defaultPriorityRuleset.name });
      tx.create(RulesetVersionRecord, {
        rulesetId: DEFAULT_PRIORITY_RULESET_ID,
        version: 1,
        status: 'published',
        definition: defaultPriorityRuleset,
        author: 'system',
        note: 'Default ruleset shipped with Sluice',
        publishedAt: new Date(),
      });
    }
  });
}
