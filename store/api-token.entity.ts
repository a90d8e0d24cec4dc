import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '../domain/roles.ts';

/** An integration's credential, bound to one role. Only the SHA-256 of its secret part is stored. */
export const ApiTokenRecord = defineEntity({
  name: 'ApiTokenRecord',
  tableName: 'api_tokens',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    role: p.string().$type<Role>(),
    secretHash: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiTokenRecord = InferEntity<typeof ApiTokenRecord>;
