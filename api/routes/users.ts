import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { z } from 'zod';
import { createUserRequest, setRolesRequest, userView } from '../../domain/auth.ts';
import { appendAudit } from '../../store/audit-log.ts';
import { UserRecord } from '../../store/user.entity.ts';
import { addUser, toUserView } from '../../store/users.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { hashPassword } from '../auth/secrets.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

export function userRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      summary: 'Listing users',
      tag: 'Access',
      access: 'users.manage',
      responses: { 200: { description: 'Everyone who can sign in.', schema: z.object({ users: z.array(userView) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ users: (await em().findAll(UserRecord, { orderBy: { username: 'asc' } })).map(toUserView) }),
    }),
    defineRoute({
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: 'Creating users',
      tag: 'Access',
      access: 'users.manage',
      body: createUserRequest,
      responses: { 201: { description: 'Created.', schema: userView }, 409: { description: 'The username is taken.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const tx = em();
        const taken = () => new UserError(409, 'username_taken', `The username "${body.username}" is taken.`);
        if (await tx.findOne(UserRecord, { username: body.username })) throw taken();
        // The admin knows this password: the person replaces it at their first sign-in.
        const user = addUser(tx, { username: body.username, displayName: body.displayName, roles: body.roles, passwordHash: await hashPassword(body.password), mustChangePassword: true });
        appendAudit(tx, { dedupeKey: `user-created:${body.username}`, subjectType: 'user', subjectId: body.username, action: 'user_created', actor: actorOf(principal), data: { roles: body.roles } });
        try {
          await tx.flush();
        } catch (err) {
          // Another request took the name since the check above.
          if (err instanceof UniqueConstraintViolationException) throw taken();
          throw err;
        }
        return c.json(toUserView(user), 201);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/users/:id/roles',
      operationId: 'setUserRoles',
      summary: 'Changing roles',
      tag: 'Access',
      access: 'users.manage',
      params: idParams,
      body: setRolesRequest,
      responses: {
        200: { description: 'The user with the new roles.', schema: userView },
        404: { description: 'No such user.', schema: errorBody },
        409: { description: 'It would leave nobody with the admin role.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        const tx = em();
        const user = await tx.findOne(UserRecord, { id: params.id });
        if (!user) throw notFound(`User ${params.id}`);
        const before = user.roles;
        const after = [...new Set(body.roles)];
        if (before.includes('admin') && !after.includes('admin')) {
          const admins = (await tx.findAll(UserRecord)).filter((u) => u.roles.includes('admin') && !u.disabled);
          if (admins.length <= 1) throw new UserError(409, 'last_admin', 'This is the last admin: give another person the admin role first.');
        }
        user.roles = after;
        appendAudit(tx, {
          dedupeKey: `roles:${user.id}:${crypto.randomUUID()}`,
          subjectType: 'user',
          subjectId: user.username,
          action: 'roles_changed',
          actor: actorOf(principal),
          data: { from: before, to: after },
        });
        await tx.flush();
        return c.json(toUserView(user));
      },
    }),
  ];
}
