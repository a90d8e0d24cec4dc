import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { CONTINUOUS, type WorkArea } from '../domain/work-area.ts';
import { DECISION_POINTS } from '../domain/decision-points.ts';
import { DEFAULT_RULESET_CASES, DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { expectedOutcome } from '../rules/defaults/ruleset-case.ts';
import { RulesetTestCaseRecord } from './ruleset-test-case.entity.ts';
import { findVersion, publishVersion } from './rulesets.ts';
import { WorkAreaRecord, workAreaColumns } from './work-area.entity.ts';

export const DEFAULT_WORK_AREA: WorkArea = {
  id: 'pick-a',
  name: 'Pick zone A',
  kind: 'pick_zone',
  zone: null,
  warehouse: null,
  timeZone: 'UTC',
  status: 'open',
  capacity: { unit: 'orders', wipLimit: 1, workloadNormHours: null, loadCorrection: 'position', starvationRelease: false },
  shiftCalendar: null,
  plannedLeadTimeHours: 0,
  releasePeriod: CONTINUOUS,
};

/**
 * What a fresh installation needs to take orders: a work area and a published ruleset for every decision point,
 * with the ruleset's own test cases stored beside it so an ops manager starts with a regression suite.
 * Existing rows are left alone, so an ops manager's changes survive a restart.
 */
export async function seedDefaults(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    if (!(await tx.findOne(WorkAreaRecord, { id: DEFAULT_WORK_AREA.id }))) tx.create(WorkAreaRecord, { id: DEFAULT_WORK_AREA.id, ...workAreaColumns(DEFAULT_WORK_AREA) });
    for (const decisionPoint of DECISION_POINTS) {
      if (await findVersion(tx, decisionPoint, 1)) continue;
      await publishVersion(tx, DEFAULT_RULESETS[decisionPoint], { author: 'system', note: 'Default ruleset shipped with Sluice' });
      for (const c of DEFAULT_RULESET_CASES[decisionPoint]) {
        tx.create(RulesetTestCaseRecord, { id: randomUUID(), decisionPoint, name: c.name, facts: c.facts, expected: expectedOutcome(c.expect), createdBy: 'system' });
      }
    }
  });
}
