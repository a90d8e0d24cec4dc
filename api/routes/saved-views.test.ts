import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles.ts';
import { SAVED_VIEWS_MAX, type SavedView } from '../../domain/saved-view.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

const dueFrom = new Date(Date.now() + 3_600_000).toISOString();
const dueTo = new Date(Date.now() + 7_200_000).toISOString();

/** Saved views of the orders table: each caller's own, named uniquely, and asking only what GET /orders answers. */
describe('saved views', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = (role: Role, method: string, path: string, body?: unknown) => h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;
  const mine = async (role: Role) => ((await (await call(role, 'GET', '/me/saved-views')).json()) as { views: SavedView[] }).views;

  it('saves, lists, renames and deletes a view, and the query it saved asks GET /orders the same', async () => {
    const query = `kind=delivery&hold=any&dueFrom=${encodeURIComponent(dueFrom)}&sort=due&dir=asc`;
    const created = await call('dispatcher', 'POST', '/me/saved-views', { name: 'Late deliveries', query, columns: ['reference', 'due'] });
    expect(created.status).toBe(201);
    const view = (await created.json()) as SavedView;
    expect(view).toMatchObject({ name: 'Late deliveries', query, columns: ['reference', 'due'] });
    expect((await mine('dispatcher')).map((v) => v.name)).toContain('Late deliveries');
    expect((await h.request(`/orders?${view.query}`)).status).toBe(200);

    const renamed = await call('dispatcher', 'PUT', `/me/saved-views/${view.id}`, { name: 'Deliveries due soon', query });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: view.id, name: 'Deliveries due soon', columns: null });
    expect((await call('dispatcher', 'DELETE', `/me/saved-views/${view.id}`)).status).toBe(204);
    expect((await call('dispatcher', 'GET', `/me/saved-views/${view.id}`)).status).toBe(404);
    expect((await call('dispatcher', 'DELETE', `/me/saved-views/${view.id}`)).status).toBe(404);
  });

  it('nobody sees, changes or deletes another caller\'s view', async () => {
    const view = (await (await call('specialist', 'POST', '/me/saved-views', { name: 'My claims', query: 'state=specialist_review' })).json()) as SavedView;
    expect((await mine('finance')).map((v) => v.id)).not.toContain(view.id);
    expect((await call('finance', 'GET', `/me/saved-views/${view.id}`)).status).toBe(404);
    expect((await call('finance', 'PUT', `/me/saved-views/${view.id}`, { name: 'Taken', query: '' })).status).toBe(404);
    expect((await call('finance', 'DELETE', `/me/saved-views/${view.id}`)).status).toBe(404);
    expect((await mine('specialist')).find((v) => v.id === view.id)?.name).toBe('My claims');
    // The same name is another caller's to use.
    expect((await call('finance', 'POST', '/me/saved-views', { name: 'My claims', query: '' })).status).toBe(201);
  });

  it('refuses a second view of the same name, on saving and on renaming, with 409', async () => {
    expect((await call('ops_manager', 'POST', '/me/saved-views', { name: 'Rush', query: 'priority=urgent' })).status).toBe(201);
    const other = (await (await call('ops_manager', 'POST', '/me/saved-views', { name: 'Pick', query: 'kind=pick' })).json()) as SavedView;
    const again = await call('ops_manager', 'POST', '/me/saved-views', { name: 'Rush', query: 'kind=pick' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/named "Rush" already/);
    expect((await call('ops_manager', 'PUT', `/me/saved-views/${other.id}`, { name: 'Rush', query: 'kind=pick' })).status).toBe(409);
    // Saving a view over itself under its own name is a change, not a clash.
    expect((await call('ops_manager', 'PUT', `/me/saved-views/${other.id}`, { name: 'Pick', query: 'kind=pick&sort=due&dir=asc' })).status).toBe(200);
  });

  it(`keeps at most ${SAVED_VIEWS_MAX} views a caller`, async () => {
    for (let i = 0; i < SAVED_VIEWS_MAX; i++) expect((await call('admin', 'POST', '/me/saved-views', { name: `View ${i}`, query: '' })).status).toBe(201);
    const over = await call('admin', 'POST', '/me/saved-views', { name: 'One more', query: '' });
    expect(over.status).toBe(409);
    expect((await errorOf(over)).message).toMatch(/delete one/);
  });

  it.each<[string, unknown, string]>([
    ['a name too long', { name: 'x'.repeat(81), query: '' }, 'name'],
    ['a blank name', { name: '   ', query: '' }, 'name'],
    ['a name with a line break', { name: 'a\nb', query: '' }, 'name'],
    ['an unknown filter', { name: 'a', query: 'colour=red' }, 'query'],
    ['an unknown state', { name: 'a', query: 'state=flying' }, 'query'],
    ['a cursor (a view is not a page)', { name: 'a', query: 'cursor=abc' }, 'query'],
    ['a limit', { name: 'a', query: 'limit=5' }, 'query'],
    ['a due window ending before it starts', { name: 'a', query: `dueFrom=${encodeURIComponent(dueTo)}&dueTo=${encodeURIComponent(dueFrom)}` }, 'query'],
    ['a filter given twice', { name: 'a', query: 'kind=pick&kind=pickup' }, 'query'],
    ['a query too long', { name: 'a', query: `q=${'x'.repeat(2_000)}` }, 'query'],
    ['too many columns', { name: 'a', query: '', columns: Array.from({ length: 31 }, () => 'due') }, 'columns'],
    ['a field it does not know', { name: 'a', query: '', owner: 'someone' }, ''],
  ])('refuses %s with 400 and writes nothing', async (_, body, field) => {
    const before = (await mine('dispatcher')).length;
    const res = await call('dispatcher', 'POST', '/me/saved-views', body);
    expect(res.status).toBe(400);
    if (field) expect((await errorOf(res)).issues?.map((i) => i.path)).toContain(field);
    expect((await mine('dispatcher')).length).toBe(before);
  });
});
