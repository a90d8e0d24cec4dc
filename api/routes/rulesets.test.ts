import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesetDefinition, RulesetVersionSummary, RulesetView } from '../../domain/ruleset.ts';
import { defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { RulesetVersionRecord } from '../../store/ruleset-version.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** The ops manager's ruleset workflow through the API: drafts, validation, publishing, history, diff, rollback, test runs. */
describe('ruleset versions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const asManager = (path: string, method: string, body?: unknown) => h.request(path, { method, role: 'ops_manager', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  const doubled = (): RulesetDefinition => {
    const d = structuredClone(defaultPriorityRuleset);
    for (const r of d.rules) r.event.params.points = (r.event.params.points as number) * 2;
    return d;
  };
  const versionCount = () => h.store.em.fork().count(RulesetVersionRecord, { rulesetId: 'priority' });

  it('refuses a bad draft with every problem and its path, and saves nothing', async () => {
    const bad = structuredClone(defaultPriorityRuleset) as unknown as { rules: { conditions: { all: { fact: string }[] }; event: { type: string } }[] };
    bad.rules[0]!.conditions.all[0]!.fact = 'colour';
    bad.rules[1]!.event.type = 'hold';
    const before = await versionCount();
    const res = await asManager('/rulesets/priority/draft', 'PUT', { definition: bad });
    expect(res.status).toBe(400);
    const { error } = await json<{ error: { code: string; issues: { path: string }[] } }>(res);
    expect(error.code).toBe('invalid_ruleset');
    expect(error.issues.map((i) => i.path)).toEqual(['definition.rules.0.conditions.all.0.fact', 'definition.rules.1.event.type']);
    expect(await versionCount()).toBe(before);
  });

  it('validates without saving', async () => {
    const res = await json<{ valid: boolean; problems: unknown[] }>(asManager('/rulesets/priority/validate', 'POST', { definition: defaultPriorityRuleset }));
    expect(res).toEqual({ valid: true, problems: [] });
  });

  it('saves a draft, publishes it with a note, and keeps the history', async () => {
    expect((await asManager('/rulesets/priority/draft', 'PUT', { definition: doubled() })).status).toBe(200);
    expect((await json<RulesetView>(h.request('/rulesets/priority/draft'))).status).toBe('draft');
    const published = await json<RulesetView>(asManager('/rulesets/priority/draft/publish', 'POST', { note: 'Double every weight', override: { reason: 'The shipped cases expect the old weights' } }));
    expect(published).toMatchObject({ version: 2, status: 'published', author: 'token:test ops_manager', note: 'Double every weight' });
    expect((await h.request('/rulesets/priority/draft')).status).toBe(404);
    const { versions } = await json<{ versions: RulesetVersionSummary[] }>(h.request('/rulesets/priority/versions'));
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);
    expect((await json<RulesetView>(h.request('/rulesets/priority/versions/1'))).definition).toEqual(defaultPriorityRuleset);
  });

  it('diffs two versions by rule', async () => {
    const diff = await json<{ rules: { kind: string; rule: string; fields: string[] }[] }>(h.request('/rulesets/priority/diff?from=1&to=2'));
    expect(diff.rules).toHaveLength(defaultPriorityRuleset.rules.length);
    expect(diff.rules[0]).toEqual({ kind: 'changed', rule: 'Overdue', fields: ['event'] });
  });

  it('rolls back by publishing an old version anew', async () => {
    const rolled = await json<RulesetView>(asManager('/rulesets/priority/rollback', 'POST', { version: 1, note: 'Too aggressive' }));
    expect(rolled).toMatchObject({ version: 3, status: 'published', basedOn: 1, note: 'Rollback to version 1: Too aggressive' });
    expect(rolled.definition).toEqual(defaultPriorityRuleset);
    expect((await json<RulesetView>(h.request('/rulesets/priority'))).version).toBe(3);
  });

  it('schedules a version with an effective time, keeping the current one in force until then', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await json<RulesetView>(asManager('/rulesets/priority/versions', 'POST', { definition: doubled(), note: 'From next hour', effectiveFrom: later, override: { reason: 'The shipped cases expect the old weights' } }));
    expect(scheduled).toMatchObject({ version: 4, status: 'scheduled', effectiveFrom: later });
    expect((await json<RulesetView>(h.request('/rulesets/priority'))).version).toBe(3);
  });

  it('test-runs given facts and real orders, storing nothing', async () => {
    const order = await json<{ id: string }>(
      h.request('/orders', { method: 'POST', body: JSON.stringify({ account: 'ACME', dueAt: new Date(Date.now() + 2 * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] }) }),
    );
    const run = await json<{ results: { orderId: string | null; outcome: { score: number } }[] }>(
      h.request('/rulesets/priority/test', { method: 'POST', body: JSON.stringify({ definition: doubled(), facts: [{ slackHours: -2, statedPriority: 'low' }], orderIds: [order.id] }) }),
    );
    expect(run.results.map((r) => [r.orderId, r.outcome.score])).toEqual([
      [null, 100],
      [order.id, 60],
    ]);
    const unknown = await h.request('/rulesets/priority/test', { method: 'POST', body: JSON.stringify({ orderIds: ['nope'] }) });
    expect(unknown.status).toBe(404);
  });

  it('lists every decision point with its ruleset, and the catalogue of facts and outcomes', async () => {
    const { rulesets } = await json<{ rulesets: { decisionPoint: string; inForce: { version: number } | null }[] }>(h.request('/rulesets'));
    expect(rulesets.map((r) => r.decisionPoint)).toEqual(['intake', 'priority', 'release', 'assignment', 'escalation', 'return', 'remit', 'rma']);
    expect(rulesets.every((r) => r.inForce !== null)).toBe(true);
    const { decisionPoints } = await json<{ decisionPoints: { id: string; facts: { name: string }[]; outcomes: { type: string; params: { properties?: object } }[] }[] }>(
      h.request('/decision-points'),
    );
    const intake = decisionPoints.find((d) => d.id === 'intake')!;
    expect(intake.facts.map((f) => f.name)).toContain('creditLimit');
    expect(intake.outcomes.find((o) => o.type === 'hold')?.params.properties).toHaveProperty('holdType');
  });

  it('only ops managers change rules; others may read and test', async () => {
    expect((await h.request('/rulesets/priority/draft', { method: 'PUT', role: 'dispatcher', body: JSON.stringify({ definition: doubled() }) })).status).toBe(403);
    expect((await h.request('/rulesets/priority/validate', { method: 'POST', role: 'dispatcher', body: JSON.stringify({ definition: doubled() }) })).status).toBe(200);
  });
});
