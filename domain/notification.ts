import { z } from 'zod';
import { ROLES } from './roles.ts';

export const NOTIFICATION_KINDS = ['escalated_to_my_role', 'my_hold_released', 'deadline_soon', 'bulk_job_finished', 'import_done', 'support_ticket', 'mentioned'] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

/** How long before an order's due time the deadline-soon notification goes out. */
export const DEADLINE_SOON_MINUTES = 30;

/** A link into the app: a path and query of its own (`/?view=orders&order=<id>`), never another site. */
export const appLink = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s]*$/, 'a path into the app, starting with one /');

/** What a notification says: who acts on it reads the title in the list and follows the link. */
export const notificationContent = z.object({
  kind: notificationKind,
  title: z.string().min(1).max(200),
  text: z.string().max(1000),
  link: appLink,
});
export type NotificationContent = z.infer<typeof notificationContent>;

export const notificationView = notificationContent.extend({
  id: z.string().max(20),
  /** Whom it was addressed to: the person alone, or a role of theirs. */
  role: z.enum(ROLES).nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPage = z.object({
  items: z.array(notificationView),
  /** Pass as `cursor` for the next (older) page; null on the last. */
  next: z.string().max(20).nullable(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

/** A notification's id: its place in the store's sequence (a 32-bit integer on both databases). */
export const notificationId = z.coerce.number('a notification id').int().min(1).max(2_147_483_647);

export const notificationListQuery = z.object({
  cursor: notificationId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

/** Above this, the count says "999+": counting a role's whole backlog on every page load is not worth it. */
export const UNREAD_COUNT_CAP = 999;
export const unreadCount = z.object({ unread: z.number().int().min(0).max(UNREAD_COUNT_CAP), more: z.boolean() });
export type UnreadCount = z.infer<typeof unreadCount>;

export const orderLink = (orderId: string) => `/?view=orders&order=${encodeURIComponent(orderId)}`;
