import type { z } from 'zod';
import type { changePasswordRequest, LoginRequest, SessionView } from '../../../domain/auth.ts';
import { request } from './request.ts';

export function fetchSession(signal?: AbortSignal): Promise<SessionView> {
  return request<SessionView>('/auth/me', { signal });
}

export function login(body: LoginRequest): Promise<SessionView> {
  return request<SessionView>('/auth/login', { method: 'POST', body });
}

export function logout(): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST' });
}

export function changePassword(body: z.infer<typeof changePasswordRequest>): Promise<void> {
  return request<void>('/auth/password', { method: 'POST', body });
}
