import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Failed sign-ins per username and client address; kept in the store so every API process sees them. */
export const LoginThrottleRecord = defineEntity({
  name: 'LoginThrottleRecord',
  tableName: 'login_throttle',
  properties: {
    key: p.string().primary(),
    failures: p.integer(),
    lockedUntil: p.datetime().nullable(),
  },
});
export type LoginThrottleRecord = InferEntity<typeof LoginThrottleRecord>;
