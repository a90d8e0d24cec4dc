import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { useTempStore } from '../test/temp-store.ts';
import { readDecisionInput, readFactsInput } from './order-facts-input.ts';
import { OrderRecord } from './order.entity.ts';
import { publishedRulesets, publishVersion } from './rulesets.ts';

const HOUR = 3_600_000;

/** A decision's input read in one statement: the order's facts with the published versions of the ruleset that decides. */
describe("a decision's input", () => {
  const store = useTempStore();

  it('is the order as readFactsInput reads it, with every published version, and picks the version in force as a separate read does', async () => {
    const em = store().em.fork();
    em.create(OrderRecord, { id: 'o-1', account: 'ACME', kind: 'pick', statedPriority: 'high', dueAt: new Date(Date.now() + 8 * HOUR), workAreaId: 'pick-a', lines: [{ sku: 'A', qty: 2, price: 3 }], state: 'captured' });
    await em.flush();
    const inForce = publishedRulesets();
    const read = () => readDecisionInput(store().em.fork(), 'o-1', 'priority');

    const none = await read();
    expect(none).toEqual({ order: await readFactsInput(store().em.fork(), 'o-1'), published: [] });
    expect(await inForce(store().em.fork(), 'priority', undefined, none!.published)).toBeNull();

    await publishVersion(store().em.fork(), DEFAULT_RULESETS.priority, { author: 'test', note: 'now' });
    await publishVersion(store().em.fork(), { ...DEFAULT_RULESETS.priority, description: 'Later.' }, { author: 'test', note: 'later', effectiveFrom: new Date(Date.now() + 24 * HOUR) });
    const both = await read();
    expect(both!.published.map((v) => v.version).sort()).toEqual([1, 2]);
    const chosen = await inForce(store().em.fork(), 'priority', undefined, both!.published);
    expect(chosen?.version).toBe(1);
    expect((await inForce(store().em.fork(), 'priority'))?.version).toBe(1);
  });

  // Orders taken before due times were bounded (domain/instant-input.ts): PostgreSQL hands these back as "0001-01-01 00:00:00+00 BC" and "10000-…", which Date alone does not read.
  it.each([
    { what: 'before 1 AD', dueAt: '0000-06-01T00:00:00.000Z' },
    { what: 'after 9999', dueAt: '+010000-01-01T13:59:59.000Z' },
  ])('reads an order due $what, as stored before due times were bounded', async ({ dueAt }) => {
    const em = store().em.fork();
    const id = `o-far-${dueAt.slice(0, 3)}`;
    em.create(OrderRecord, { id, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(dueAt), workAreaId: 'pick-a', lines: [{ sku: 'A', qty: 1, price: 1 }], state: 'captured' });
    await em.flush();
    expect((await readDecisionInput(store().em.fork(), id, 'intake'))!.order.dueAt.toISOString()).toBe(dueAt);
  });

  it('is null for an order the store does not have', async () => {
    expect(await readDecisionInput(store().em.fork(), 'nobody', 'priority')).toBeNull();
  });
});
