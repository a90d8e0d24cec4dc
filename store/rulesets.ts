import type { EntityManager } from '@mikro-orm/sql';
import type { RulesetView } from '../domain/ruleset.ts';
import { RulesetVersionRecord } from './ruleset-version.entity.ts';
import { RulesetRecord } from './ruleset.entity.ts';

/** The published version of the ruleset for a decision point, or null when none is published. */
export async function findPublishedRuleset(em: EntityManager, decisionPoint: string): Promise<RulesetView | null> {
  const rulesets = await em.find(RulesetRecord, { decisionPoint });
  if (rulesets.length === 0) return null;
  const version = await em.findOne(
    RulesetVersionRecord,
    { rulesetId: { $in: rulesets.map((r) => r.id) }, status: 'published' },
    { orderBy: { publishedAt: 'desc', version: 'desc' } },
  );
  const ruleset = version && rulesets.find((r) => r.id === version.rulesetId);
  if (!version || !ruleset) return null;
  return {
    id: ruleset.id,
    decisionPoint: ruleset.decisionPoint,
    name: ruleset.name,
    version: version.version,
    status: version.status,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    definition: version.definition,
  };
}
