import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { UserView } from '../domain/auth.ts';
import type { Role } from '../domain/roles.ts';
import { UserRecord } from './user.entity.ts';

export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
  mustChangePassword?: boolean;
}

export function addUser(em: EntityManager, user: NewUser): UserRecord {
  return em.create(UserRecord, { id: randomUUID(), mustChangePassword: false, disabled: false, ...user });
}
