import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesetDefinition, RulesetView } from '../../domain/ruleset.ts';
import { defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { OutboxRecord } from '../../store/outbox.entity.ts';
import { RulesetVersionRecord } from '../../store/ruleset-version.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** Safe publishing: stored test cases guard a publish, an override needs a reason, an effective time is in the future. */
describe('safe publishing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const asManager = (path: string, method: string, body?: unknown) => h.request(path, { method, role: 'ops_manager', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  type Refusal = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
  /** Doubles every weight: the shipped cases that expect a score fail. */
  const doubled = (): RulesetDefinition => {
    const d = structuredClone(defaultPriorityRuleset);
    for (const r of d.rules) r.event.params.points = (r.event.params.points as number) * 2;
    return d;
  };
  const versionCount = () => h.store.em.fork().count(RulesetVersionRecord, { rulesetId: 'priority' });
  const publishedEntry = async (version: number, dp = 'priority') =>
    (await h.store.em.fork().findOne(AuditEntryRecord, { subjectType: 'ruleset', subjectId: dp, action: 'ruleset_published', dedupeKey: `ruleset:${dp}@${version}` }))!;

  it('refuses rules that fail stored test cases with a 409 naming them, and publishes nothing', async () => {
    const overdueAt60 = structuredClone(defaultPriorityRuleset);
    overdueAt60.rules.find((r) => r.name === 'Overdue')!.event.params.points = 60;
    const before = await versionCount();
    const res = await asManager('/rulesets/priority/versions', 'POST', { definition: overdueAt60, note: 'Overdue counts more' });
    expect(res.status).toBe(409);
    const { error } = await json<Refusal>(res);
    expect(error).toEqual({
      code: 'test_cases_failing',
      message:
        '3 stored test cases fail under these rules: "Everything at once" (expected score 90, got score 100), "Overdue" (expected score 50, got score 60), ' +
        '"Real urgency outweighs stated urgency: low but overdue beats urgent with slack" (expected score 50, got score 60). ' +
        'Fix the rules or the cases, or publish with an override and a reason.',
    });
    expect(await versionCount()).toBe(before);
  });

  it('refuses a draft that fails many cases, naming the first five by name and counting the rest', async () => {
    expect((await asManager('/rulesets/priority/draft', 'PUT', { definition: doubled() })).status).toBe(200);
    const res = await asManager('/rulesets/priority/draft/publish', 'POST', { note: 'Double every weight' });
    expect(res.status).toBe(409);
    const { error } = await json<Refusal>(res);
    expect(error.message).toMatch(/^11 stored test cases fail under these rules: "Due now counts as due within 4 hours, not overdue" \(expected score 30, got score 60\), .* and 6 more\. Fix the rules/);
  });

  it('refuses an override without a reason', async () => {
    const res = await asManager('/rulesets/priority/draft/publish', 'POST', { note: 'Double every weight', override: { reason: '  ' } });
    expect(res.status).toBe(400);
    const { error } = await json<Refusal>(res);
    expect(error.issues).toEqual([{ path: 'override.reason', message: 'say why these rules may be published although test cases fail' }]);
  });

  it('publishes over failing cases with an override, keeping the reason and the failing cases in the audit log', async () => {
    const res = await asManager('/rulesets/priority/draft/publish', 'POST', { note: 'Double every weight', override: { reason: 'The cases still hold the old weights; rewritten tomorrow' } });
    expect(res.status).toBe(201);
    const published = await json<RulesetView>(res);
    const { data } = await publishedEntry(published.version);
    expect(data).toMatchObject({ version: published.version, override: { reason: 'The cases still hold the old weights; rewritten tomorrow' } });
    expect((data!.override as { failingCases: string[] }).failingCases).toContain('Overdue');
  });

  it('publishes rules that pass every case without an override, and records none', async () => {
    const res = await asManager('/rulesets/priority/versions', 'POST', { definition: defaultPriorityRuleset, note: 'Back to the shipped weights', override: { reason: 'not needed' } });
    expect(res.status).toBe(201);
    const { data } = await publishedEntry((await json<RulesetView>(res)).version);
    expect(data).not.toHaveProperty('override');
  });

  it('lets a rollback through whatever the cases say: it is the way back in an emergency', async () => {
    const versions = await json<{ versions: { version: number; note: string | null }[] }>(h.request('/rulesets/priority/versions'));
    const doubledVersion = versions.versions.find((v) => v.note === 'Double every weight')!.version;
    const res = await asManager('/rulesets/priority/rollback', 'POST', { version: doubledVersion, note: 'Doubled after all' });
    expect(res.status).toBe(201);
  });

  it('refuses an effective time that has passed', async () => {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const res = await asManager('/rulesets/priority/versions', 'POST', { definition: defaultPriorityRuleset, note: 'Yesterday', effectiveFrom: past });
    expect(res.status).toBe(400);
    const { error } = await json<Refusal>(res);
    expect(error.message).toBe(`The effective time ${past} has passed: give a future time, or none to publish now.`);
    expect(error.issues).toEqual([{ path: 'effectiveFrom', message: 'must not be in the past' }]);
  });

  const announced = async (dp: string, version: number) =>
    (await h.store.em.fork().find(OutboxRecord, {})).some((r) => {
      const a = r.announcement as { kind: string; decisionPoint?: string; version?: number };
      return a.kind === 'rules_published' && a.decisionPoint === dp && a.version === version;
    });
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  it.each([
    { dp: 'release', inFlight: 'keep', later: false, why: 'A queued order has no standing release decision to keep: every release cycle asks the rules in force afresh.' },
    { dp: 'intake', inFlight: 'redecide_now', later: false, why: /^Intake decides once, when an order is captured; an order past that point acted on its decision/ },
    { dp: 'remit', inFlight: 'redecide_at_effective', later: true, why: /^Remit decides once, when a COD or credit order is delivered/ },
    { dp: 'escalation', inFlight: 'redecide_at_effective', later: false, why: 'The version takes effect now: there is no effective time to wait for, so choose to re-decide now.' },
    { dp: 'priority', inFlight: 'redecide_now', later: true, why: 'The version takes effect later, so its orders cannot be decided again by it now: choose to re-decide them at the effective time.' },
    { dp: 'priority', inFlight: 'redecide_at_effective', later: false, why: 'The version takes effect now: there is no effective time to wait for, so choose to re-decide now.' },
  ] as const)('refuses the in-flight policy $inFlight for $dp rules (effective later: $later), saying why', async ({ dp, inFlight, later, why }) => {
    const current = await json<RulesetView>(h.request(`/rulesets/${dp}`));
    const res = await asManager(`/rulesets/${dp}/versions`, 'POST', { definition: current.definition, note: 'Again', inFlight, ...(later ? { effectiveFrom: inAnHour() } : {}) });
    expect(res.status).toBe(400);
    const { error } = await json<Refusal>(res);
    expect(error.issues).toHaveLength(1);
    expect(error.issues![0]!.path).toBe('inFlight');
    expect(error.issues![0]!.message).toMatch(why);
    expect(error.message).toBe(`That in-flight policy cannot apply to the ${dp} rules: ${error.issues![0]!.message}`);
  });

  it('keeps waiting orders\' decisions when asked: nothing is announced, and the audit log says so', async () => {
    const res = await asManager('/rulesets/priority/versions', 'POST', { definition: defaultPriorityRuleset, note: 'Same rules, no re-ranking', inFlight: 'keep' });
    expect(res.status).toBe(201);
    const { version } = await json<RulesetView>(res);
    expect((await publishedEntry(version)).data).toMatchObject({ inFlight: 'keep' });
    expect(await announced('priority', version)).toBe(false);
  });

  it.each([
    { inFlight: 'redecide_now', later: false, announces: true },
    { inFlight: 'redecide_at_effective', later: true, announces: true },
    { inFlight: 'keep', later: false, announces: false },
  ] as const)('accepts $inFlight for escalation rules: running deadlines are announced to be decided again unless kept', async ({ inFlight, later, announces }) => {
    const current = await json<RulesetView>(h.request('/rulesets/escalation'));
    const res = await asManager('/rulesets/escalation/versions', 'POST', { definition: current.definition, note: 'Deadlines again', inFlight, ...(later ? { effectiveFrom: inAnHour() } : {}) });
    expect(res.status).toBe(201);
    const { version } = await json<RulesetView>(res);
    expect((await publishedEntry(version, 'escalation')).data).toMatchObject({ inFlight });
    expect(await announced('escalation', version)).toBe(announces);
  });

  it('re-decides where it can by default: now, or at the effective time', async () => {
    const now = await json<RulesetView>(asManager('/rulesets/priority/versions', 'POST', { definition: defaultPriorityRuleset, note: 'Now' }));
    expect((await publishedEntry(now.version)).data).toMatchObject({ inFlight: 'redecide_now' });
    expect(await announced('priority', now.version)).toBe(true);
    const later = await json<RulesetView>(asManager('/rulesets/priority/versions', 'POST', { definition: defaultPriorityRuleset, note: 'Later', effectiveFrom: inAnHour() }));
    expect((await publishedEntry(later.version)).data).toMatchObject({ inFlight: 'redecide_at_effective' });
    expect(await announced('priority', later.version)).toBe(true);
  });
});
