import type { EntityManager } from '@mikro-orm/sql';
import type { RulesetDefinition, RulesetVersionSummary, RulesetView } from '../domain/ruleset.ts';
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

export async function listVersions(em: EntityManager, rulesetId: string): Promise<RulesetVersionSummary[]> {
  const versions = await em.find(RulesetVersionRecord, { rulesetId }, { orderBy: { version: 'desc' } });
  return versions.map((v) => ({ version: v.version, status: v.status, author: v.author, note: v.note ?? null, publishedAt: v.publishedAt?.toISOString() ?? null }));
}

/**
 * Publishes a definition as the next version of a ruleset; the version it replaces is retired. Published
 * versions are never edited, so every stored decision keeps pointing at exactly the rules it used.
 */
export async function publishVersion(em: EntityManager, rulesetId: string, definition: RulesetDefinition, author: string, note: string): Promise<number> {
  return em.transactional(async (tx) => {
    const [latest] = await tx.find(RulesetVersionRecord, { rulesetId }, { orderBy: { version: 'desc' }, limit: 1 });
    const version = (latest?.version ?? 0) + 1;
    await tx.nativeUpdate(RulesetVersionRecord, { rulesetId, status: 'published' }, { status: 'retired' });
    tx.create(RulesetVersionRecord, { rulesetId, version, status: 'published', definition, author, note, publishedAt: new Date() });
    return version;
  });
}
