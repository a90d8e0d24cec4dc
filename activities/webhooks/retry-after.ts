/**
 * The delay a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP date (RFC 9110),
 * at most `maxMs`; null when there is none or it cannot be read, and the usual backoff applies.
 */
export function retryAfterMs(header: string | null | undefined, now: Date, maxMs: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1_000, maxMs);
  // Date.parse takes many shapes; an HTTP date always names the weekday and GMT.
  if (!/^[A-Z][a-z]{2}, .* GMT$/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - now.getTime(), 0), maxMs);
}
