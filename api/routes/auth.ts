import { deleteCookie, setCookie } from 'hono/cookie';
import { changePasswordRequest, loginRequest, sessionView } from '../../domain/auth.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { UserRecord } from '../../store/user.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { clientAddress } from '../client-address.ts';
import { clearFailures, pauseRemaining, recordFailure, throttleKey } from '../auth/login-throttle.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { hashPassword, verifyPassword } from '../auth/secrets.ts';
import { createSession, endSession, SESSION_COOKIE, sessionViewOf } from '../auth/sessions.ts';
import { UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, STANDARD_ERRORS } from '../schemas.ts';

// Checked when the username is unknown, so a wrong name costs as long as a wrong password.
const UNKNOWN_USER_HASH = await hashPassword('no such user');

const tooMany = (ms: number) =>
  new UserError(429, 'too_many_attempts', `Too many failed sign-ins for this account; try again in ${Math.ceil(ms / 1000)} seconds.`);

function userPrincipal(principal: Principal) {
  if (principal.kind !== 'user') throw new UserError(400, 'not_a_session', 'API tokens have no session: this is for people signed in to the app.');
  return principal;
}

export function authRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      operationId: 'signIn',
      summary: 'Sign in',
      tag: 'Access',
      access: 'public',
      body: loginRequest,
      responses: {
        200: { description: 'Signed in; the session cookie is set.', schema: sessionView },
        400: STANDARD_ERRORS[400],
        401: { description: 'Wrong username or password.', schema: errorBody },
        429: { description: 'Too many failures: wait as long as Retry-After says.', schema: errorBody },
      },
      handler: async (c, { body }) => {
        const tx = em();
        const key = throttleKey(body.username, clientAddress(c));
        const waiting = await pauseRemaining(tx, key);
        if (waiting > 0) {
          c.header('Retry-After', String(Math.ceil(waiting / 1000)));
          throw tooMany(waiting);
        }
        const user = await tx.findOne(UserRecord, { username: body.username.toLowerCase() });
        const valid = await verifyPassword(body.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
        if (!user || user.disabled || !valid) {
          const pause = await recordFailure(tx, key);
          appendAudit(tx, { dedupeKey: `login-failed:${crypto.randomUUID()}`, subjectType: 'user', subjectId: body.username, action: 'login_failed', actor: body.username, data: { client: clientAddress(c) } });
          await tx.flush();
          if (pause > 0) {
            c.header('Retry-After', String(Math.ceil(pause / 1000)));
            throw tooMany(pause);
          }
          throw new UserError(401, 'invalid_credentials', 'The username or password is not right.');
        }
        await clearFailures(tx, key);
        const session = await createSession(tx, user.id);
        appendAudit(tx, { dedupeKey: `login:${crypto.randomUUID()}`, subjectType: 'user', subjectId: user.username, action: 'login', actor: user.username, data: { client: clientAddress(c) } });
        await tx.flush();
        setCookie(c, SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: new URL(c.req.url).protocol === 'https:',
          path: '/',
          expires: session.expiresAt,
        });
        return c.json(sessionViewOf(user, session.csrfToken));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      operationId: 'signOut',
      summary: 'Sign out',
      tag: 'Access',
      access: 'signed_in',
      responses: { 204: { description: 'Signed out; the session is gone.' }, ...STANDARD_ERRORS },
      handler: async (c, { principal }) => {
        if (principal.kind === 'user') {
          const tx = em();
          await endSession(tx, principal.sessionKey);
          appendAudit(tx, { dedupeKey: `logout:${crypto.randomUUID()}`, subjectType: 'user', subjectId: principal.name, action: 'logout', actor: principal.name });
          await tx.flush();
        }
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      operationId: 'getSession',
      summary: 'Who am I',
      tag: 'Access',
      access: 'signed_in',
      responses: { 200: { description: 'The signed-in person and the CSRF token for changes.', schema: sessionView }, ...STANDARD_ERRORS },
      handler: async (c, { principal }) => {
        const me = userPrincipal(principal);
        return c.json(sessionViewOf(await em().findOneOrFail(UserRecord, { id: me.userId }), me.csrfToken));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/password',
      operationId: 'changePassword',
      summary: 'Change my password',
      tag: 'Access',
      access: 'signed_in',
      body: changePasswordRequest,
      responses: { 204: { description: 'Changed.' }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const me = userPrincipal(principal);
        const tx = em();
        const user = await tx.findOneOrFail(UserRecord, { id: me.userId });
        if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
          throw new UserError(400, 'invalid_request', 'The current password is not right.', [{ path: 'currentPassword', message: 'not right' }]);
        }
        user.passwordHash = await hashPassword(body.newPassword);
        user.mustChangePassword = false;
        appendAudit(tx, { dedupeKey: `password:${crypto.randomUUID()}`, subjectType: 'user', subjectId: user.username, action: 'password_changed', actor: actorOf(principal) });
        await tx.flush();
        return c.body(null, 204);
      },
    }),
  ];
}
