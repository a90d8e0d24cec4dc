import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/sql';
import type { Role } from '../../domain/roles.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { UserRecord } from '../../store/user.entity.ts';
import { addUser } from '../../store/users.ts';
import { hashPassword, randomToken } from './secrets.ts';

export interface BootstrapCredentials {
  username: string;
  /** Present only when generated here: shown once, and the admin must replace it at first sign-in. */
  oneTimePassword: string | null;
}

/**
 * On the very first start there is nobody to sign in as: create the admin, from
 * `SLUICE_ADMIN_USERNAME` / `SLUICE_ADMIN_PASSWORD` or with a generated one-time password.
 */
export async function ensureFirstAdmin(em: EntityManager, env: NodeJS.ProcessEnv = process.env): Promise<BootstrapCredentials | null> {
  if ((await em.count(UserRecord, {})) > 0) return null;
  const username = env.SLUICE_ADMIN_USERNAME?.trim() || 'admin';
  const given = env.SLUICE_ADMIN_PASSWORD;
  const password = given || randomToken(15);
  addUser(em, { username, displayName: 'Administrator', roles: ['admin'], passwordHash: await hashPassword(password), mustChangePassword: !given });
  appendAudit(em, { dedupeKey: `user-created:${username}`, subjectType: 'user', subjectId: username, action: 'user_created', actor: 'system', data: { roles: ['admin'] } });
  try {
    await em.flush();
  } catch (err) {
    // API processes started together on a new store all find it empty; the first to write the admin wins.
    if (err instanceof UniqueConstraintViolationException) return null;
    throw err;
  }
  return { username, oneTimePassword: given ? null : password };
}

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; password: string }[] = [
  { username: 'olivia', displayName: 'Olivia Hart', roles: ['ops_manager'], password: 'sluice-demo-ops' },
  { username: 'dan', displayName: 'Dan Okafor', roles: ['dispatcher'], password: 'sluice-demo-dispatch' },
  { username: 'sofia', displayName: 'Sofia Lind', roles: ['specialist'], password: 'sluice-demo-specialist' },
  { username: 'fred', displayName: 'Fred Marsh', roles: ['finance'], password: 'sluice-demo-finance' },
  { username: 'ada', displayName: 'Ada Nowak', roles: ['admin'], password: 'sluice-demo-admin' },
  { username: 'paula', displayName: 'Paula Reyes', roles: ['order_processor'], password: 'sluice-demo-processor' },
];

/** Development only: one person per role with a known password, so every desk can be tried. */
export async function seedDemoUsers(em: EntityManager): Promise<typeof DEMO_USERS> {
  for (const demo of DEMO_USERS) {
    if (await em.findOne(UserRecord, { username: demo.username })) continue;
    addUser(em, { username: demo.username, displayName: demo.displayName, roles: demo.roles, passwordHash: await hashPassword(demo.password) });
    appendAudit(em, { dedupeKey: `user-created:${demo.username}`, subjectType: 'user', subjectId: demo.username, action: 'user_created', actor: 'system', data: { roles: demo.roles, demo: true } });
  }
  await em.flush();
  return DEMO_USERS;
}
