import type { EntityManager } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';

/*
 * Plain SQL with bound parameters, for the few writes every order makes many times (a transition, a
 * decision): one statement where MikroORM's unit of work would issue several. They run in `em`'s
 * transaction, if it has one. The same text runs on SQLite and PostgreSQL: dates and booleans are bound
 * as Date and boolean (SQLite's connection stores them as MikroORM does, epoch milliseconds and 0 or 1),
 * JSON as text; a fragment that cannot be written once comes from dialect.ts.
 */
export const sqlOn = (em: EntityManager): Kysely<unknown> => em.getKysely<unknown>();

/** JSON as a column takes it: text, which SQLite stores and PostgreSQL reads into jsonb. */
export const jsonValue = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** A date column as a plain row holds it: epoch milliseconds from SQLite, timestamp text from PostgreSQL. */
export type DateColumn = number | string;
/** A JSON column as a plain row holds it: text from SQLite, parsed from PostgreSQL's jsonb. */
export type JsonColumn<T> = string | T;

export const dateOf = (v: DateColumn): Date => new Date(v);
export const jsonOf = <T>(v: JsonColumn<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
