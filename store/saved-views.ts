import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sql';
import { SAVED_VIEWS_MAX, type SavedView, type SavedViewInput } from '../domain/saved-view.ts';
import { SavedViewRecord } from './saved-view.entity.ts';

/** Why a saved view was not written; the route turns each into a message. */
export type SavedViewRefusal = 'duplicate_name' | 'too_many' | 'not_found';

const view = (row: SavedViewRecord): SavedView => ({
  id: row.id,
  name: row.name,
  query: row.query,
  columns: row.columns ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listSavedViews(em: EntityManager, owner: string): Promise<SavedView[]> {
  return (await em.find(SavedViewRecord, { owner }, { orderBy: { name: 'asc', id: 'asc' } })).map(view);
}

export async function findSavedView(em: EntityManager, owner: string, id: string): Promise<SavedView | null> {
  const row = await em.findOne(SavedViewRecord, { owner, id });
  return row ? view(row) : null;
}

/** The name's uniqueness is the table's (a unique index): two saves racing for one name cannot both win. */
async function flushNamed(em: EntityManager): Promise<SavedViewRefusal | null> {
  try {
    await em.flush();
    return null;
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) return 'duplicate_name';
    throw err;
  }
}

export async function createSavedView(em: EntityManager, owner: string, input: SavedViewInput): Promise<SavedView | SavedViewRefusal> {
  if ((await em.count(SavedViewRecord, { owner })) >= SAVED_VIEWS_MAX) return 'too_many';
  if (await em.findOne(SavedViewRecord, { owner, name: input.name })) return 'duplicate_name';
  const now = new Date();
  const row = em.create(SavedViewRecord, { id: crypto.randomUUID(), owner, name: input.name, query: input.query, columns: input.columns ?? null, createdAt: now, updatedAt: now });
  return (await flushNamed(em)) ?? view(row);
}

export async function updateSavedView(em: EntityManager, owner: string, id: string, input: SavedViewInput): Promise<SavedView | SavedViewRefusal> {
  const row = await em.findOne(SavedViewRecord, { owner, id });
  if (!row) return 'not_found';
  const clash = await em.findOne(SavedViewRecord, { owner, name: input.name, id: { $ne: id } });
  if (clash) return 'duplicate_name';
  Object.assign(row, { name: input.name, query: input.query, columns: input.columns ?? null, updatedAt: new Date() });
  return (await flushNamed(em)) ?? view(row);
}

export async function deleteSavedView(em: EntityManager, owner: string, id: string): Promise<boolean> {
  return (await em.nativeDelete(SavedViewRecord, { owner, id })) > 0;
}
