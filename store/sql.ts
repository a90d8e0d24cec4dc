import type { EntityManager } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';
import postgresDate from 'postgres-date';

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

// Its types declare an ES default export; Node hands a CommonJS module's exports over as the default.
const parsePostgresDate = postgresDate as unknown as (text: string) => Date | number | null;

/**
 * The Date a date column holds. PostgreSQL's text outside years 1–9999 ("… BC", five digits) is not a form
 * Date reads, so what Date cannot read goes through the parser PostgreSQL's driver uses.
 */
export function dateOf(v: DateColumn): Date {
  const date = new Date(v);
  if (typeof v === 'number' || !Number.isNaN(date.getTime())) return date;
  const parsed = parsePostgresDate(v);
  return parsed instanceof Date ? parsed : date;
}
export const jsonOf = <T>(v: JsonColumn<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
