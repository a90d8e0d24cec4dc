import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesetLocks, RulesetLocksView } from '../../domain/ruleset-locks.ts';
import type { Role } from '../../domain/roles.ts';
import type { RulesetDefinition, RulesetView } from '../../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../../rules/defaults/index.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

type Leaf = { fact: string; operator: string; value: unknown };
const STUCK = 'Stuck in validation';
const SLACK = 'Queued with little slack';
const LOCKS: RulesetLocks = {
  structureLocked: true,
  lockedRules: [],
  valueEditors: ['dispatcher'],
  bounds: [{ rule: STUCK, path: 'event.params.minutes', min: 5, max: 30 }],
  reason: 'Deadlines agreed with the customers.',
};

/** Limited editing: an admin locks a ruleset, and the API holds every editor to it when drafts are saved and published. */
describe('ruleset locks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = (role: Role, method: string, path: string, body?: unknown) => h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; issues?: { path: string }[] } }).error;
  const escalation = (edit: (d: RulesetDefinition) => void) => {
    const d = structuredClone(DEFAULT_RULESETS.escalation);
    edit(d);
    return { definition: d };
  };
  const stuck = (d: RulesetDefinition) => d.rules.find((r) => r.name === STUCK)!;

  it('nothing is locked until an admin says so; only an admin may', async () => {
    expect(await (await call('dispatcher', 'GET', '/rulesets/escalation/locks')).json()).toMatchObject({ structureLocked: false, valueEditors: [], updatedBy: null });
    expect((await call('ops_manager', 'PUT', '/rulesets/escalation/locks', LOCKS)).status).toBe(403);
  });

  it('refuses locks on rules the ruleset does not have', async () => {
    const res = await call('admin', 'PUT', '/rulesets/escalation/locks', { ...LOCKS, lockedRules: ['Nope'] });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toBe('The locks name rules the escalation rules do not have: “Nope”.');
  });

  it('an admin locks the escalation rules, and the change is audited', async () => {
    const res = await call('admin', 'PUT', '/rulesets/escalation/locks', LOCKS);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ...LOCKS, updatedBy: 'token:test admin' } satisfies Partial<RulesetLocksView>);
    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'ruleset', subjectId: 'escalation', action: 'ruleset_locks_changed' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'token:test admin', reason: LOCKS.reason, data: { before: { structureLocked: false }, after: { structureLocked: true } } });
  });

  it('a value-only editor refused a structural change by the API', async () => {
    const res = await call('dispatcher', 'PUT', '/rulesets/escalation/draft', escalation((d) => void ((d.rules.find((r) => r.name === SLACK)!.conditions as { all: Leaf[] }).all[1]!.operator = 'lessThanInclusive')));
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('values_only');
    expect(error.message).toMatch(/^In the escalation rules \(locked because: Deadlines agreed with the customers\) you may change values only \(condition values, points, deadlines and other outcome params\), within their bounds; not structure/);
    expect(error.message).toContain('Not allowed: rule “Queued with little slack”: the operator at conditions.all.1 changed from lessThan to lessThanInclusive.');
    expect((await call('dispatcher', 'GET', '/rulesets/escalation/draft')).status).toBe(404);
  });

  it('a value outside its bounds is refused, naming the bounds', async () => {
    const res = await call('dispatcher', 'PUT', '/rulesets/escalation/draft', escalation((d) => void (stuck(d).event.params.minutes = 45)));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.message).toContain('rule “Stuck in validation”, event.params.minutes must be between 5 and 30, not 45');
    expect(error.issues?.[0]?.path).toBe('definition.rules.0.event.params.minutes');
  });

  it('a value-only editor’s change within bounds is saved and published', async () => {
    expect((await call('dispatcher', 'PUT', '/rulesets/escalation/draft', escalation((d) => void (stuck(d).event.params.minutes = 20)))).status).toBe(200);
    // The shipped cases expect the old deadline: publishing over them takes an override with a reason.
    const published = await call('dispatcher', 'POST', '/rulesets/escalation/draft/publish', { note: 'Validation gets 20 minutes', override: { reason: 'Validation now has 20 minutes; the stored cases follow' } });
    expect(published.status).toBe(201);
    expect(stuck(((await published.json()) as RulesetView).definition).event.params).toEqual({ minutes: 20, role: 'dispatcher' });
  });

  it('a role not granted value editing is refused, naming who may edit', async () => {
    const res = await call('specialist', 'PUT', '/rulesets/escalation/draft', escalation((d) => void (stuck(d).event.params.minutes = 25)));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe('Editing the escalation rules needs the ops manager role, or a role an admin granted value-only editing of them; test specialist has neither.');
  });

  it('an ops manager may not change the shape of a locked structure, publishing or rolling back', async () => {
    const removed = escalation((d) => void d.rules.splice(0, 1));
    expect((await call('ops_manager', 'PUT', '/rulesets/escalation/draft', removed)).status).toBe(403);
    expect((await call('ops_manager', 'POST', '/rulesets/escalation/versions', { ...removed, note: 'Drop one' })).status).toBe(403);
    expect((await call('ops_manager', 'PUT', '/rulesets/escalation/draft', escalation((d) => void (stuck(d).event.params.minutes = 10)))).status).toBe(200);
  });

  it('with one rule locked, an ops manager changes the others’ shape freely', async () => {
    expect((await call('admin', 'PUT', '/rulesets/escalation/locks', { ...LOCKS, structureLocked: false, lockedRules: [STUCK] })).status).toBe(200);
    const edited = escalation((d) => void (d.rules.find((r) => r.name !== STUCK)!.priority += 1));
    expect((await call('ops_manager', 'PUT', '/rulesets/escalation/draft', edited)).status).toBe(200);
    const locked = escalation((d) => void (stuck(d).priority += 1));
    const res = await call('ops_manager', 'PUT', '/rulesets/escalation/draft', locked);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/^In the locked parts of the escalation rules/);
  });
});
