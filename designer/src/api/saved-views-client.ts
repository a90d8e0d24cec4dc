import type { SavedView, SavedViewInput } from '../../../domain/saved-view.ts';
import { request } from './request.ts';

export async function listSavedViews(signal?: AbortSignal): Promise<SavedView[]> {
  return (await request<{ views: SavedView[] }>('/me/saved-views', { signal })).views;
}

export function createSavedView(input: SavedViewInput): Promise<SavedView> {
  return request<SavedView>('/me/saved-views', { method: 'POST', body: input });
}

export function updateSavedView(id: string, input: SavedViewInput): Promise<SavedView> {
  return request<SavedView>(`/me/saved-views/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function deleteSavedView(id: string): Promise<void> {
  return request<void>(`/me/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
