import type { z } from 'zod';
import type {
  CreatedToken,
  createTokenRequest,
  CreateUserRequest,
  setRolesRequest,
  TokenView,
  UserView,
} from '../../../domain/auth.ts';
import { request } from './request.ts';

export async function listUsers(signal?: AbortSignal): Promise<UserView[]> {
  return (await request<{ users: UserView[] }>('/users', { signal })).users;
}

export function createUser(body: CreateUserRequest): Promise<UserView> {
  return request<UserView>('/users', { method: 'POST', body });
}

export function setUserRoles(id: string, body: z.infer<typeof setRolesRequest>): Promise<UserView> {
  return request<UserView>(`/users/${encodeURIComponent(id)}/roles`, { method: 'PUT', body });
}

export async function listTokens(signal?: AbortSignal): Promise<TokenView[]> {
  return (await request<{ tokens: TokenView[] }>('/tokens', { signal })).tokens;
}

export function createToken(body: z.infer<typeof createTokenRequest>): Promise<CreatedToken> {
  return request<CreatedToken>('/tokens', { method: 'POST', body });
}

export function revokeToken(id: string): Promise<TokenView> {
  return request<TokenView>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
