import type { EntityManager } from '@mikro-orm/sql';
import { ApiTokenRecord } from '../../store/api-token.entity.ts';
import { SessionRecord } from '../../store/session.entity.ts';
import { UserRecord } from '../../store/user.entity.ts';
import type { Principal } from '../auth/principal.ts';

/** What an event stream was opened with, and must still hold to stay open. */
export type StreamCredential = { kind: 'session'; key: string } | { kind: 'token'; id: string };

export function credentialOf(principal: Principal): StreamCredential | null {
  if (principal.kind === 'user') return { kind: 'session', key: principal.sessionKey };
  if (principal.kind === 'token') return { kind: 'token', id: principal.tokenId };
  return null;
}

export const credentialKey = (credential: StreamCredential) => `${credential.kind}:${credential.kind === 'session' ? credential.key : credential.id}`;

/**
 * Of these credentials, the keys of those still good: sessions not signed out or expired whose user is not
 * disabled, tokens not revoked. A few queries for every stream of the process together.
 */
export async function liveCredentials(em: EntityManager, credentials: StreamCredential[], now: Date): Promise<Set<string>> {
  const sessionKeys = credentials.flatMap((c) => (c.kind === 'session' ? [c.key] : []));
  const tokenIds = credentials.flatMap((c) => (c.kind === 'token' ? [c.id] : []));
  const live = new Set<string>();
  if (sessionKeys.length > 0) {
    const sessions = await em.find(SessionRecord, { tokenHash: { $in: sessionKeys }, expiresAt: { $gt: now } }, { fields: ['tokenHash', 'userId'] });
    const users = sessions.length === 0 ? [] : await em.find(UserRecord, { id: { $in: sessions.map((s) => s.userId) }, disabled: false }, { fields: ['id'] });
    const enabled = new Set(users.map((u) => u.id));
    for (const s of sessions) if (enabled.has(s.userId)) live.add(credentialKey({ kind: 'session', key: s.tokenHash }));
  }
  if (tokenIds.length > 0) {
    const tokens = await em.find(ApiTokenRecord, { id: { $in: tokenIds }, revokedAt: null }, { fields: ['id'] });
    for (const t of tokens) live.add(credentialKey({ kind: 'token', id: t.id }));
  }
  return live;
}
