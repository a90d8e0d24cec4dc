import type { EntityManager } from '@mikro-orm/sql';
import type { SessionView } from '../../domain/auth.ts';
import { SessionRecord } from '../../store/session.entity.ts';
import { UserRecord } from '../../store/user.entity.ts';
import { toUserView } from '../../store/users.ts';
import { randomToken, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'sluice_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

export async function createSession(em: EntityManager, userId: string, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  em.create(SessionRecord, { tokenHash: sha256(token), userId, csrfToken, createdAt: now, expiresAt });
  await em.flush();
  return { token, csrfToken, expiresAt };
}

/** The live session and its user for a cookie token, or null (unknown, expired, or user disabled). */
export async function findSession(em: EntityManager, token: string, now = new Date()): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  const session = await em.findOne(SessionRecord, { tokenHash: sha256(token) });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await em.nativeDelete(SessionRecord, { tokenHash: session.tokenHash });
    return null;
  }
  const user = await em.findOne(UserRecord, { id: session.userId });
  return user && !user.disabled ? { session, user } : null;
}

/** What `GET /auth/me` answers for a session: the person, and the token to send as `X-CSRF-Token`. */
export function sessionViewOf(user: UserRecord, csrfToken: string): SessionView {
  return { user: toUserView(user), csrfToken, mustChangePassword: user.mustChangePassword };
}

export async function endSession(em: EntityManager, sessionKey: string): Promise<void> {
  await em.nativeDelete(SessionRecord, { tokenHash: sessionKey });
}
