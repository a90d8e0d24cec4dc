import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Store } from '../../store/open-store.ts';
import { UserError } from '../errors.ts';
import { findToken } from './api-tokens.ts';
import { findDriverToken, isDriverToken } from './driver-tokens.ts';
import { ANONYMOUS, type AppEnv } from './principal.ts';
import { SESSION_COOKIE, findSession } from './sessions.ts';
import { sha256 } from './secrets.ts';

/**
 * Works out who is calling — an API token (`Authorization: Bearer slc_…`) or a session cookie — and
 * leaves the decision about whether that is enough to the route's policy.
 */
export function authenticate(store: Store) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const em = store.em.fork();
    const authorization = c.req.header('Authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme === 'Bearer' && token && isDriverToken(token)) {
        const driver = await findDriverToken(em, token);
        if (!driver) throw new UserError(401, 'invalid_token', 'This driver token is unknown or has been revoked. Ask your dispatcher for a new one.');
        c.set('principal', { kind: 'driver', tokenId: driver.id, driverId: driver.driverId, name: `driver ${driver.driverId}`, roles: [] });
        return next();
      }
      const record = scheme === 'Bearer' && token ? await findToken(em, token) : null;
      if (!record) throw new UserError(401, 'invalid_token', 'This API token is unknown or has been revoked. Ask an admin for a new one.');
      c.set('principal', { kind: 'token', tokenId: record.id, name: record.name, roles: [record.role] });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    const found = cookie ? await findSession(em, cookie) : null;
    c.set(
      'principal',
      found
        ? {
            kind: 'user',
            userId: found.user.id,
            name: found.user.username,
            roles: found.user.roles,
            csrfToken: found.session.csrfToken,
            sessionKey: sha256(cookie as string),
            mustChangePassword: found.user.mustChangePassword,
          }
        : ANONYMOUS,
    );
    return next();
  });
}
