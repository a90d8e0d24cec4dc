import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import { emailKeyOf, looksLikeEmail, looksLikePhone, phoneKeyOf } from './accounts/contact-keys.ts';
import { dialectSql } from './dialect.ts';
import { OrderSkuRecord } from './order-sku.entity.ts';

/*
 * What the orders table's search finds an order by, kept where an index can serve it: a reference's or an
 * account's beginning in any case, read as a range of its folded key (the orders' reference_key and account_key); a SKU of
 * its lines through order_skus. Reading every order's lines or lower-casing every reference at each
 * keystroke took a second on a million orders.
 */

/**
 * A reference or account as the search compares it: ASCII letters folded to lower case, nothing else
 * changed. Exactly what SQLite's lower() does, so keys written by the migration and by Sluice agree, and a
 * prefix of a key is the key of a prefix.
 */
export const searchKeyOf = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** An order's reference key, for the entity's onCreate, whose typing takes no null for a nullable column. */
export const referenceKeyOf = (reference: string | null | undefined): string => (typeof reference === 'string' ? searchKeyOf(reference) : (null as unknown as string));

/*
 * Every key that begins with `prefix` lies in [prefix, prefix + U+10FFFF): keys compare by their bytes
 * (SQLite's binary collation; the columns' "C" collation on PostgreSQL), and no code point sorts after
 * U+10FFFF. A range is what a B-tree index answers; a substr() or LIKE on an expression is not, on both stores.
 */
function keyStartsWith(column: RawBuilder<unknown>, prefix: string): RawBuilder<boolean> {
  const key = searchKeyOf(prefix);
  return sql<boolean>`(${column} >= ${key} and ${column} < ${`${key}\u{10FFFF}`})`;
}

/**
 * The orders a search names: by id, by the beginning of their reference or account, by their zone, or by
 * a SKU of their lines. Each term is an index lookup, so the planner may look them all up and sort them, or,
 * when they name many orders (a zone), walk the page's sort index and keep those that match.
 */
export const matchingSearch = (em: EntityManager, q: string): RawBuilder<boolean> =>
  sql<boolean>`(o.id = ${q} or ${keyStartsWith(sql`o.reference_key`, q)} or ${keyStartsWith(sql`o.account_key`, q)} or o.zone = ${q}
    or ${dialectSql(em).inSubquery(sql`o.id`, sql`select order_id from order_skus where sku = ${q}`)}${byContact(em, q)})`;

/**
 * Customer service finds a caller's orders by the email or phone they give: the orders of every account
 * with a contact of that email (any case) or phone (its digits, however written), through the contacts'
 * key indexes and the orders' account index. Text that is neither adds no term.
 */
function byContact(em: EntityManager, q: string): RawBuilder<boolean> {
  const contacts = looksLikeEmail(q)
    ? sql`select account_code from account_contacts where email_key = ${emailKeyOf(q)}`
    : looksLikePhone(q)
      ? sql`select account_code from account_contacts where phone_key = ${phoneKeyOf(q)}`
      : null;
  return contacts ? sql<boolean>` or ${dialectSql(em).inSubquery(sql`o.account`, contacts)}` : sql<boolean>``;
}

/** Adds a new order's SKUs (each once, however many lines carry it) to `tx`'s unit of work. */
export function createOrderSkus(tx: EntityManager, orderId: string, lines: readonly { sku: string }[]): void {
  for (const sku of new Set(lines.map((line) => line.sku))) tx.create(OrderSkuRecord, { orderId, sku });
}
