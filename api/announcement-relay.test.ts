import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { OutboxRecord } from '../store/outbox.entity.ts';
import { pendingAnnouncements } from '../store/outbox.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { relayAnnouncements } from './announcement-relay.ts';
import { createApp } from './app.ts';
import { startRulesPublished } from './rules-published.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

/** The runs of the announcement's workflow: none before it is delivered, one after. */
async function runsOf(workflowId: string): Promise<number> {
  try {
    await h.client.workflow.getHandle(workflowId).describe();
    return 1;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 0;
    throw err;
  }
}

describe('announcements after a commit', () => {
  it('a publication whose process could not announce it is announced by the relay, once', async () => {
    const relay = { store: h.store, temporal: h.client, taskQueue: h.taskQueue };
    // An API process whose Temporal connection is gone: the publication commits, its announcement does not leave.
    const gone = await Connection.connect({ address: inject('temporalAddress') });
    await gone.close();
    const cutOff = createApp({ store: h.store, temporal: new Client({ connection: gone, namespace: inject('temporalNamespace') }), taskQueue: h.taskQueue });
    const res = await cutOff.request('/rulesets/release/versions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await h.auth('ops_manager')) },
      body: JSON.stringify({ definition: DEFAULT_RULESETS.release, note: 'Announced later' }),
    });
    expect(res.status).toBe(201);
    const [pending] = await pendingAnnouncements(h.store.em.fork(), 10);
    expect(pending?.announcement).toMatchObject({ kind: 'rules_published', decisionPoint: 'release' });
    const { version } = (await res.json()) as { version: number };
    const workflowId = `rules-published-release-v${version}-${pending!.id}`;
    expect(await runsOf(workflowId)).toBe(0);

    expect(await relayAnnouncements(relay)).toBe(1);
    expect(await runsOf(workflowId)).toBe(1);
    const { runId } = await h.client.workflow.getHandle(workflowId).describe();
    expect((await h.store.em.fork().findOneOrFail(OutboxRecord, { id: pending!.id })).deliveredAt).not.toBeNull();
    expect(await relayAnnouncements(relay)).toBe(0);

    // A relay that died after delivering and before marking delivers it again: the receiver acts once.
    const published = pending!.announcement;
    if (published.kind !== 'rules_published') throw new Error(`a ${published.kind} announcement where a publication was expected`);
    await startRulesPublished(h.client, h.taskQueue, pending!.id, published);
    expect((await h.client.workflow.getHandle(workflowId).describe()).runId).toBe(runId);
  });
});
