import type { EntityManager } from '@mikro-orm/sql';
import { sql, type RawBuilder } from 'kysely';
import { UNREAD_COUNT_CAP, type NotificationContent, type NotificationPage, type UnreadCount } from '../../domain/notification.ts';
import type { Role } from '../../domain/roles.ts';
import { dialectSql } from '../dialect.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

/**
 * Notifications, written in the transaction of the fact that causes them and read per person. A role's
 * notification is one row that everyone of the role reads; what each has read is a row per notification
 * read plus one mark for "everything up to here" (Mark all read), so neither the write nor "Mark all read"
 * grows with the number of people or notifications.
 */

export interface NewNotification extends NotificationContent {
  /** Unique per fact: the write of a fact retried (an activity run again) finds its first notification. */
  key: string;
}

/** Who reads: a person's user id (an API token reads as `token:<id>`) and the roles they hold now. */
export interface Reader {
  id: string;
  roles: readonly Role[];
}

type Addressee = { userId: string; role?: never } | { role: Role; userId?: never };

const insertNotification = (n: NewNotification, to: Addressee, now: Date) =>
  sql`insert into notifications (dedupe_key, user_id, role, kind, title, text, link, created_at)
    values (${n.key}, ${to.userId ?? null}, ${to.role ?? null}, ${n.kind}, ${n.title}, ${n.text}, ${n.link}, ${now})
    on conflict (dedupe_key) do nothing returning seq`;

/**
 * Notifies one person, in `em`'s transaction: true when written, false when a notification with this key
 * exists already. For the facts that finish in a person's name: a bulk job, an import.
 */
export async function notifyPerson(em: EntityManager, n: NewNotification & { userId: string }, now = new Date()): Promise<boolean> {
  const { rows } = await insertNotification(n, { userId: n.userId }, now).execute(sqlOn(em));
  return rows.length > 0;
}

/** Notifies everyone who holds `role`, now or later, with one row; false when the key was written already. */
export async function notifyRole(em: EntityManager, role: Role, n: NewNotification, now = new Date()): Promise<boolean> {
  const { rows } = await insertNotification(n, { role }, now).execute(sqlOn(em));
  return rows.length > 0;
}

/** Notifies the person signed in as `username`, if there is one (a hold may be placed by a token or the rules). */
export async function notifyUsername(em: EntityManager, username: string, n: NewNotification, now = new Date()): Promise<boolean> {
  const { rows } = await sql`insert into notifications (dedupe_key, user_id, role, kind, title, text, link, created_at)
    select ${n.key}, id, ${null}, ${n.kind}, ${n.title}, ${n.text}, ${n.link}, ${now} from users where username = ${username}
    on conflict (dedupe_key) do nothing returning seq`.execute(sqlOn(em));
  return rows.length > 0;
}

const addressedTo = (reader: Reader): RawBuilder<boolean> =>
  reader.roles.length > 0 ? sql<boolean>`(n.user_id = ${reader.id} or n.role in (${sql.join([...reader.roles])}))` : sql<boolean>`n.user_id = ${reader.id}`;

const readMark = (reader: Reader) => sql`coalesce((select m.read_through from notification_read_marks m where m.user_id = ${reader.id}), 0)`;

const readOne = (reader: Reader) => sql`exists (select 1 from notification_reads r where r.user_id = ${reader.id} and r.notification_seq = n.seq)`;

// A role's notifications from before the person's account are history to them, not news: a dispatcher who
// joins does not start with the desk's backlog unread. (An API token has no account, so it reads them all.)
const beforeTheirTime = (reader: Reader) => sql`(n.role is not null and exists (select 1 from users u where u.id = ${reader.id} and u.created_at > n.created_at))`;

const isRead = (reader: Reader) => sql<boolean>`(n.seq <= ${readMark(reader)} or ${readOne(reader)} or ${beforeTheirTime(reader)})`;

type Row = { seq: number; role: Role | null; kind: NotificationContent['kind']; title: string; text: string; link: string; created_at: DateColumn; is_read: number | boolean };

/** The reader's notifications, newest first, a page after `cursor` (older than it). */
export async function listNotifications(em: EntityManager, reader: Reader, options: { cursor?: number; limit: number; unread?: boolean }): Promise<NotificationPage> {
  const { rows } = await sql<Row>`select n.seq, n.role, n.kind, n.title, n.text, n.link, n.created_at, case when ${isRead(reader)} then 1 else 0 end as is_read
    from notifications n
    where ${addressedTo(reader)} ${options.cursor === undefined ? sql`` : sql`and n.seq < ${options.cursor}`} ${options.unread ? sql`and not ${isRead(reader)}` : sql``}
    order by n.seq desc limit ${options.limit + 1}`.execute(sqlOn(em));
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((r) => ({ id: String(r.seq), role: r.role, kind: r.kind, title: r.title, text: r.text, link: r.link, createdAt: dateOf(r.created_at).toISOString(), read: Number(r.is_read) === 1 })),
    next: rows.length > options.limit ? String(page.at(-1)!.seq) : null,
  };
}

/** How many of the reader's notifications are unread, counted up to the cap. */
export async function countUnread(em: EntityManager, reader: Reader): Promise<UnreadCount> {
  const { rows } = await sql<{ c: number | string }>`select count(*) as c from (select 1 from notifications n
    where ${addressedTo(reader)} and n.seq > ${readMark(reader)} and not ${readOne(reader)} and not ${beforeTheirTime(reader)} limit ${UNREAD_COUNT_CAP + 1}) u`.execute(sqlOn(em));
  const count = Number(rows[0]?.c ?? 0);
  return { unread: Math.min(count, UNREAD_COUNT_CAP), more: count > UNREAD_COUNT_CAP };
}

/** Marks one of the reader's notifications read; false when there is none by that id for them. */
export async function markRead(em: EntityManager, reader: Reader, seq: number, now = new Date()): Promise<boolean> {
  const { rows } = await sql`select n.seq from notifications n where n.seq = ${seq} and ${addressedTo(reader)}`.execute(sqlOn(em));
  if (rows.length === 0) return false;
  await sql`insert into notification_reads (user_id, notification_seq, read_at) values (${reader.id}, ${seq}, ${now})
    on conflict (user_id, notification_seq) do nothing`.execute(sqlOn(em));
  return true;
}

/** Marks everything addressed to the reader so far read: one mark, and their reads below it go. */
export async function markAllRead(em: EntityManager, reader: Reader, now = new Date()): Promise<void> {
  const db = sqlOn(em);
  const { rows } = await sql<{ top: number | null }>`select max(n.seq) as top from notifications n where ${addressedTo(reader)}`.execute(db);
  const top = Number(rows[0]?.top ?? 0);
  if (top === 0) return;
  await sql`insert into notification_read_marks (user_id, read_through, marked_at) values (${reader.id}, ${top}, ${now})
    on conflict (user_id) do update set read_through = excluded.read_through, marked_at = excluded.marked_at
    where excluded.read_through > notification_read_marks.read_through`.execute(db);
  await sql`delete from notification_reads where user_id = ${reader.id} and notification_seq <= ${top}`.execute(db);
}

/** Where the live stream is: after the last notification committed, in commit order (see the entity). */
export interface NotificationPosition {
  xact: number;
  seq: number;
}

export interface AddressedNotification {
  position: NotificationPosition;
  seq: number;
  userId: string | null;
  role: Role | null;
}

/** The position after every notification committed so far. */
export async function latestNotificationPosition(em: EntityManager): Promise<NotificationPosition> {
  const { rows } = await sql<{ seq: number; xact_id: number | string }>`select seq, xact_id from notifications where ${dialectSql(em).settledRows}
    order by xact_id desc, seq desc limit 1`.execute(sqlOn(em));
  return rows[0] ? { xact: Number(rows[0].xact_id), seq: Number(rows[0].seq) } : { xact: 0, seq: 0 };
}

/** Notifications committed after `after`, in commit order: whom each is for, so a stream tells only them. */
export async function readNotificationsAfter(em: EntityManager, after: NotificationPosition, limit: number): Promise<AddressedNotification[]> {
  const { rows } = await sql<{ seq: number; xact_id: number | string; user_id: string | null; role: Role | null }>`select seq, xact_id, user_id, role from notifications
    where (xact_id, seq) > (${after.xact}, ${after.seq}) and ${dialectSql(em).settledRows}
    order by xact_id, seq limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({ position: { xact: Number(r.xact_id), seq: Number(r.seq) }, seq: Number(r.seq), userId: r.user_id, role: r.role }));
}
