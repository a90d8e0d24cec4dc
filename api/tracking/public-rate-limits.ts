import type { RateLimits } from '../../store/tracking/public-rate-limit.ts';

/**
 * The tracking routes' limits (docs/operations.md): SLUICE_TRACKING_RATE_PER_ADDRESS requests a minute from
 * one address (default 60), SLUICE_TRACKING_RATE_GLOBAL from everyone together (default 3000).
 */
export function publicRateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return { perAddress: positive('SLUICE_TRACKING_RATE_PER_ADDRESS', 60), global: positive('SLUICE_TRACKING_RATE_GLOBAL', 3000), windowMs: 60_000 };
}
