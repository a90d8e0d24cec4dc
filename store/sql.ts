import type { EntityManager } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';

/*
 * Plain SQL with bound parameters, for the few writes every order makes many times (a transition, a
 * decision): one statement where MikroORM's unit of work would issue several. They run in `em`'s
 * transaction, if it has one.
 */
export const sqlOn = (em: EntityManager): Kysely<unknown> => em.getKysely<unknown>();

/** A column value as MikroORM stores it in SQLite: dates as epoch milliseconds, JSON as text, booleans as 0 or 1. */
export const dateValue = (d: Date | null | undefined): number | null => d?.getTime() ?? null;
export const jsonValue = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
export const boolValue = (b: boolean): number => (b ? 1 : 0);
