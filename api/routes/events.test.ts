import { randomUUID } from 'node:crypto';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, secretHashOf } from '../../api/auth/api-tokens.ts';
import { createSession, SESSION_COOKIE, SESSION_TTL_MS } from '../../api/auth/sessions.ts';
import { ApiTokenRecord } from '../../store/api-token.entity.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { addUser } from '../../store/users.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { eventFeedOf } from '../live-events/event-feed.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

/** An open event stream: its text so far, and whether the server ended it. */
async function follow(headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await h.app.request('/events', { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const stream = { text: '', ended: false };
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (stream.ended = true);
      stream.text += new TextDecoder().decode(value);
    }
  })();
  return {
    stream,
    // Generous: on PostgreSQL an event is delivered once every older write transaction in the cluster has ended
    // (settledRows, store/dialect.ts), and other test files' transactions share this cluster on a loaded machine.
    async until(test: () => boolean, what: string, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`No ${what} within ${timeoutMs} ms; stream so far:\n${stream.text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}

async function transition(orderId: string, toState = 'released') {
  const em = h.store.em.fork();
  appendAudit(em, { dedupeKey: `sse-${randomUUID()}`, subjectType: 'order', subjectId: orderId, action: 'RELEASE', fromState: 'queued', toState, actor: 'system' });
  await em.flush();
}

async function signedIn(expiresInMs = SESSION_TTL_MS) {
  const em = h.store.em.fork();
  const user = addUser(em, { username: `viewer-${randomUUID().slice(0, 8)}`, displayName: 'Viewer', roles: ['dispatcher'], passwordHash: 'x' });
  await em.flush();
  const session = await createSession(em, user.id, new Date(Date.now() - SESSION_TTL_MS + expiresInMs));
  return { cookie: `${SESSION_COOKIE}=${session.token}`, csrfToken: session.csrfToken };
}

describe('GET /events', () => {
  it('reads each event once for every stream of the process, and every stream gets it', async () => {
    const auth = await h.auth('dispatcher');
    const streams = await Promise.all([1, 2, 3, 4, 5].map(() => follow(auth)));
    await Promise.all(streams.map((s) => s.until(() => s.stream.text.includes('event: ready'), 'ready event')));
    const feed = eventFeedOf(h.store);
    const readsBefore = feed.reads;
    const started = Date.now();
    await transition('o-fan-out');
    await Promise.all(streams.map((s) => s.until(() => s.stream.text.includes('"orderId":"o-fan-out"'), 'event')));
    await new Promise((r) => setTimeout(r, 500));
    // The harness's reader polls every 50 ms: about one read per poll, not one per poll per stream.
    expect(feed.reads - readsBefore).toBeLessThan((Date.now() - started) / 50 + 5);
    await Promise.all(streams.map((s) => s.close()));
  });

  it('resumes after Last-Event-ID with what was committed while away, in order', async () => {
    const auth = await h.auth('dispatcher');
    const first = await follow(auth);
    await transition('o-resume-1');
    await first.until(() => first.stream.text.includes('"orderId":"o-resume-1"'), 'first event');
    const lastId = /"seq":(\d+),"orderId":"o-resume-1"/.exec(first.stream.text)![1]!;
    await first.close();
    await transition('o-resume-2');
    await transition('o-resume-3');
    const again = await follow({ ...auth, 'last-event-id': lastId });
    await again.until(() => again.stream.text.includes('"orderId":"o-resume-3"'), 'missed events');
    expect(again.stream.text).not.toContain('o-resume-1');
    expect(again.stream.text.indexOf('o-resume-2')).toBeLessThan(again.stream.text.indexOf('o-resume-3'));
    await again.close();
  });

  it('keeps delivering when the listening connection drops (PostgreSQL)', async (ctx) => {
    if (!(h.store.em.getPlatform() instanceof PostgreSqlPlatform)) ctx.skip();
    const s = await follow(await h.auth('dispatcher'));
    await s.until(() => s.stream.text.includes('event: ready'), 'ready event');
    const dropped = await h.store.em.getConnection().execute(`select pg_terminate_backend(pid) as dropped from pg_stat_activity where query = 'listen sluice_events'`);
    expect(dropped).toHaveLength(1);
    await transition('o-after-drop');
    await s.until(() => s.stream.text.includes('"orderId":"o-after-drop"'), 'event after the drop');
    await s.close();
  });

  it('ends when the session signs out', async () => {
    const { cookie, csrfToken } = await signedIn();
    const s = await follow({ cookie });
    await s.until(() => s.stream.text.includes('event: ready'), 'ready event');
    const res = await h.app.request('/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(res.status).toBe(204);
    await s.until(() => s.stream.ended, 'end of the stream');
    await s.close();
  });

  it('ends when the session expires', async () => {
    const { cookie } = await signedIn(1_500);
    const s = await follow({ cookie });
    await s.until(() => s.stream.text.includes('event: ready'), 'ready event');
    expect(s.stream.ended).toBe(false);
    await s.until(() => s.stream.ended, 'end of the stream');
    await s.close();
  });

  it('ends when its API token is revoked', async () => {
    const issued = issueToken();
    const em = h.store.em.fork();
    em.create(ApiTokenRecord, { id: issued.id, name: 'watcher', role: 'dispatcher', secretHash: secretHashOf(issued.secret), createdBy: 'test', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
    await em.flush();
    const s = await follow({ authorization: `Bearer ${issued.token}` });
    await s.until(() => s.stream.text.includes('event: ready'), 'ready event');
    expect((await h.request(`/tokens/${issued.id}`, { method: 'DELETE', role: 'admin' })).status).toBe(200);
    await s.until(() => s.stream.ended, 'end of the stream');
    await s.close();
  });
});
