import type { ConversationMessage, ConversationPage } from '../../../domain/conversations/conversation.ts';
import { request } from '../api/request.ts';

const messagesPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}/messages`;

/** A page of the order's conversation, newest first; `before` is a page's `next` for older messages. */
export function listOrderMessages(orderId: string, before?: string, signal?: AbortSignal): Promise<ConversationPage> {
  return request<ConversationPage>(`${messagesPath(orderId)}${before ? `?before=${encodeURIComponent(before)}` : ''}`, { signal });
}

export function postOrderMessage(orderId: string, text: string): Promise<ConversationMessage> {
  return request<ConversationMessage>(messagesPath(orderId), { method: 'POST', body: { text } });
}
