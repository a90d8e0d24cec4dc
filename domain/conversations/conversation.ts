import { z } from 'zod';
import { USERNAME_MAX_LENGTH } from '../auth-limits.ts';
import { ID_MAX, paragraph } from '../text.ts';

/** A message of an order's conversation: long enough for a handover note, short enough to read on a phone. */
export const MESSAGE_MAX = 2000;
/** More people than this in one message is a broadcast, which is what a role's notification is for. */
export const MENTIONS_MAX = 10;
/**
 * `@driver` mentions the order's driver (the driver of the live trip it is on): people do not know drivers'
 * resource ids, and the order has one driver at a time. A user named `driver` is mentioned by it too.
 */
export const DRIVER_MENTION = 'driver';

/**
 * Who wrote a message: a person signed in to the app (or an integration's token, as `token:<id>`), or a
 * driver through the driver API. The name is kept as it was when they wrote, so renaming rewrites nothing.
 */
export const messageAuthor = z.object({
  kind: z.enum(['user', 'driver']),
  id: z.string().max(ID_MAX),
  name: z.string().max(200),
});
export type MessageAuthor = z.infer<typeof messageAuthor>;

export const newMessageInput = z.object({
  text: paragraph(MESSAGE_MAX, 'a message to post'),
});
export type NewMessageInput = z.infer<typeof newMessageInput>;

export const conversationMessage = z.object({
  id: z.string().max(20),
  orderId: z.string().max(ID_MAX),
  author: messageAuthor,
  text: z.string().max(MESSAGE_MAX),
  /** The user names mentioned that name a person (each told, but the author): a name that matches nobody stays text. */
  mentions: z.array(z.string().max(USERNAME_MAX_LENGTH)).max(MENTIONS_MAX),
  /** The driver (resource id) an `@driver` reached: the order's driver when it was posted; null when none. */
  mentionedDriver: z.string().max(ID_MAX).nullable(),
  createdAt: z.iso.datetime(),
});
export type ConversationMessage = z.infer<typeof conversationMessage>;

/** A message's id: its place in the store's sequence (a 32-bit integer on both databases). */
export const messageCursor = z.coerce.number('a message id').int().min(1).max(2_147_483_647);

export const conversationQuery = z.object({
  /** Pass a page's `next` for the messages before it. */
  before: messageCursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ConversationQuery = z.infer<typeof conversationQuery>;

export const conversationPage = z.object({
  /** Newest first. */
  items: z.array(conversationMessage),
  /** Pass as `before` for the older messages; null when this page reaches the first. */
  next: z.string().max(20).nullable(),
});
export type ConversationPage = z.infer<typeof conversationPage>;
