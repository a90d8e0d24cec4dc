import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Requests to the public tracking routes per client address (and `*` for all) in a fixed window; kept in
 * the store, as sign-in failures are, so the limit holds however many API processes answer.
 */
export const PublicRateLimitRecord = defineEntity({
  name: 'PublicRateLimitRecord',
  tableName: 'public_rate_limits',
  properties: {
    /** `<address>|<window start ms>`. */
    key: p.string().primary(),
    windowStart: p.datetime().index(),
    hits: p.integer(),
  },
});
export type PublicRateLimitRecord = InferEntity<typeof PublicRateLimitRecord>;
