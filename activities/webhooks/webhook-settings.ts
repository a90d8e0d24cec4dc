import { parseAllowedNetworks, type PrivateAllowance } from './address-guard.ts';

/** How long deliveries keep trying: exponential backoff from `firstMs`, doubling up to `maxMs`, for `forMs` in all. */
export interface RetrySchedule {
  firstMs: number;
  maxMs: number;
  forMs: number;
}

export interface WebhookSettings {
  retry: RetrySchedule;
  /** One attempt's limit, connection to the last byte read. */
  attemptTimeoutMs: number;
  maxResponseBytes: number;
  /** An endpoint whose every attempt has failed for this long is disabled. */
  disableAfterMs: number;
  allowPrivate: PrivateAllowance | null;
}

const number = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${text}: a positive number is needed`);
  return value;
};

/** The `SLUICE_WEBHOOKS_*` settings, with production's defaults (docs/operations.md). */
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const networks = env.SLUICE_WEBHOOKS_ALLOW_NETWORKS;
  return {
    retry: {
      firstMs: number(env, 'SLUICE_WEBHOOKS_RETRY_FIRST_SECONDS', 30) * 1_000,
      maxMs: number(env, 'SLUICE_WEBHOOKS_RETRY_MAX_SECONDS', 6 * 3_600) * 1_000,
      forMs: number(env, 'SLUICE_WEBHOOKS_RETRY_FOR_HOURS', 72) * 3_600_000,
    },
    attemptTimeoutMs: number(env, 'SLUICE_WEBHOOKS_TIMEOUT_SECONDS', 10) * 1_000,
    maxResponseBytes: 4_096,
    disableAfterMs: number(env, 'SLUICE_WEBHOOKS_DISABLE_AFTER_HOURS', 120) * 3_600_000,
    allowPrivate: env.SLUICE_WEBHOOKS_ALLOW_PRIVATE === '1' ? 'all' : networks ? parseAllowedNetworks(networks) : null,
  };
}

/** The delay before attempt `attempt + 1`, as Temporal's retry policy of the delivery computes it. */
export const backoffMs = (retry: RetrySchedule, attempt: number): number => Math.min(retry.firstMs * 2 ** (attempt - 1), retry.maxMs);
