import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '../domain/roles.ts';

export const UserRecord = defineEntity({
  name: 'UserRecord',
  tableName: 'users',
  properties: {
    id: p.string().primary(),
    username: p.string().unique(),
    displayName: p.string(),
    /** scrypt: `scrypt$N$r$p$salt$hash`; the password itself is never stored. */
    passwordHash: p.string(),
    roles: p.json<Role[]>(),
    /** Set for a generated one-time password: the person must choose their own before anything else. */
    mustChangePassword: p.boolean().default(false),
    disabled: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type UserRecord = InferEntity<typeof UserRecord>;
