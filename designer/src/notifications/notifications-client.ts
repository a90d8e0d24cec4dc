import type { NotificationPage, UnreadCount } from '../../../domain/notification.ts';
import { request } from '../api/request.ts';

export function listMyNotifications(limit: number, signal?: AbortSignal): Promise<NotificationPage> {
  return request<NotificationPage>(`/notifications?limit=${limit}`, { signal });
}

export function countMyUnread(signal?: AbortSignal): Promise<UnreadCount> {
  return request<UnreadCount>('/notifications/unread-count', { signal });
}

export function markNotificationRead(id: string): Promise<void> {
  return request<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<void> {
  return request<void>('/notifications/read-all', { method: 'POST' });
}
