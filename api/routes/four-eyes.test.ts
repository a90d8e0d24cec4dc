import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RulesetView } from '../../domain/ruleset.ts';
import type { ChangeRequestList, ChangeRequestView } from '../../domain/ruleset-change-request.ts';
import { defaultPriorityRuleset } from '../../rules/defaults/index.ts';
import { ApiTokenRecord } from '../../store/api-token.entity.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { issueToken, secretHashOf } from '../auth/api-tokens.ts';

/** Four-eyes approval: with it on, a publish is a change request that another ops manager approves or rejects. */
describe('four-eyes approval of publishes', () => {
  let h: Harness;
  let second: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness();
    const issued = issueToken();
    const tx = h.store.em.fork();
    tx.create(ApiTokenRecord, { id: issued.id, name: 'second manager', role: 'ops_manager', secretHash: secretHashOf(issued.secret), createdBy: 'test', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
    await tx.flush();
    second = { authorization: `Bearer ${issued.token}` };
  });
  afterAll(async () => {
    await h?.close();
  });

  const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
  const asAuthor = (path: string, body: unknown) => h.request(path, { method: 'POST', role: 'ops_manager', body: JSON.stringify(body) });
  const asSecond = (path: string, body: unknown = {}) => h.request(path, { method: 'POST', role: 'ops_manager', headers: second, body: JSON.stringify(body) });
  const versionsCount = async () => ((await json<{ versions: { status: string }[] }>(h.request('/rulesets/priority/versions'))).versions).filter((v) => v.status !== 'draft').length;
  const heavierOverdue = () => {
    const d = structuredClone(defaultPriorityRuleset);
    d.rules.find((r) => r.name === 'Overdue')!.event.params.points = 60;
    return d;
  };

  it('only an admin turns it on, per decision point', async () => {
    expect((await h.request('/rulesets/priority/approval', { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ required: true }) })).status).toBe(403);
    const res = await h.request('/rulesets/priority/approval', { method: 'PUT', role: 'admin', body: JSON.stringify({ required: true }) });
    expect(await json(res)).toEqual({ approvalRequired: true });
    expect((await json<ChangeRequestList>(h.request('/rulesets/priority/change-requests'))).approvalRequired).toBe(true);
    expect((await json<ChangeRequestList>(h.request('/rulesets/release/change-requests'))).approvalRequired).toBe(false);
  });

  it('audits every switch with the setting before and after, even two in the same millisecond', async () => {
    const put = (required: boolean) => h.request('/rulesets/release/approval', { method: 'PUT', role: 'admin', body: JSON.stringify({ required }) });
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    try {
      expect([(await put(true)).status, (await put(true)).status]).toEqual([200, 200]);
    } finally {
      now.mockRestore();
    }
    expect((await put(false)).status).toBe(200);
    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'ruleset', subjectId: 'release', action: { $in: ['ruleset_approval_required', 'ruleset_approval_dropped'] } }, { orderBy: { seq: 'asc' } });
    expect(audit.map((e) => [e.action, e.actor, e.data])).toEqual([
      ['ruleset_approval_required', 'token:test admin', { before: false, after: true }],
      ['ruleset_approval_required', 'token:test admin', { before: true, after: true }],
      ['ruleset_approval_dropped', 'token:test admin', { before: true, after: false }],
    ]);
  });

  it('turns a publish into a change request, still checked first, and publishes nothing', async () => {
    const before = await versionsCount();
    expect((await asAuthor('/rulesets/priority/versions', { definition: heavierOverdue(), note: 'Overdue counts more' })).status).toBe(409);
    const res = await asAuthor('/rulesets/priority/versions', { definition: heavierOverdue(), note: 'Overdue counts more', override: { reason: 'Cases rewritten tomorrow' } });
    expect(res.status).toBe(202);
    const { changeRequest } = await json<{ changeRequest: ChangeRequestView }>(res);
    expect(changeRequest).toMatchObject({ status: 'pending', requestedBy: 'token:test ops_manager', note: 'Overdue counts more', overrideReason: 'Cases rewritten tomorrow', inFlight: 'redecide_now', version: null });
    expect(await versionsCount()).toBe(before);
    const { changeRequests } = await json<ChangeRequestList>(h.request('/rulesets/priority/change-requests'));
    expect(changeRequests.map((r) => [r.id, r.status])).toEqual([[changeRequest.id, 'pending']]);
  });

  it('refuses the author approving their own change request, and a second ops manager approves it', async () => {
    const [pending] = (await json<ChangeRequestList>(h.request('/rulesets/priority/change-requests'))).changeRequests;
    const own = await asAuthor(`/rulesets/priority/change-requests/${pending!.id}/approve`, {});
    expect(own.status).toBe(403);
    expect((await json<{ error: { message: string } }>(own)).error.message).toBe('You asked for this change: another ops manager must approve it (four-eyes).');

    const approved = await asSecond(`/rulesets/priority/change-requests/${pending!.id}/approve`);
    expect(approved.status).toBe(201);
    const version = await json<RulesetView>(approved);
    expect(version).toMatchObject({ status: 'published', author: 'token:test ops_manager', note: 'Overdue counts more' });
    const entry = await h.store.em.fork().findOneOrFail(AuditEntryRecord, { dedupeKey: `ruleset:priority@${version.version}` });
    expect(entry).toMatchObject({ actor: 'token:second manager', data: { author: 'token:test ops_manager', override: { reason: 'Cases rewritten tomorrow' } } });

    const again = await asSecond(`/rulesets/priority/change-requests/${pending!.id}/approve`);
    expect(again.status).toBe(409);
    expect((await json<{ error: { message: string } }>(again)).error.message).toBe('This change request was approved by token:second manager already.');
    const [decided] = (await json<ChangeRequestList>(h.request('/rulesets/priority/change-requests'))).changeRequests;
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'token:second manager', version: version.version });
  });

  it('rejects a change request with a reason, publishing nothing', async () => {
    const { changeRequest } = await json<{ changeRequest: ChangeRequestView }>(asAuthor('/rulesets/priority/versions', { definition: defaultPriorityRuleset, note: 'Back to the shipped weights' }));
    const before = await versionsCount();
    const blank = await asSecond(`/rulesets/priority/change-requests/${changeRequest.id}/reject`, { reason: ' ' });
    expect(blank.status).toBe(400);
    const rejected = await json<ChangeRequestView>(asSecond(`/rulesets/priority/change-requests/${changeRequest.id}/reject`, { reason: 'Not before the peak is over' }));
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'token:second manager', rejection: 'Not before the peak is over' });
    expect(await versionsCount()).toBe(before);
  });

  it('lets a rollback through without approval: it is the way back in an emergency', async () => {
    expect((await asAuthor('/rulesets/priority/rollback', { version: 1, note: 'Back now' })).status).toBe(201);
  });
});
