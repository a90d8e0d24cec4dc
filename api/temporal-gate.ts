import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { UserError } from './errors.ts';

/*
 * A call to a Temporal server that is down does not fail: the client retries it for about 20 s. So before
 * a request needs Temporal, one quick question (answered within PROBE_MS) tells whether the server is
 * there; its answer is kept for a moment, so a burst of requests asks once.
 */
const PROBE_MS = 2_000;
const REMEMBER_MS = 1_000;
// gRPC status codes of a server that is not there or did not answer in time.
const UNREACHABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

const lastProbe = new WeakMap<Client, { at: number; reachable: Promise<boolean> }>();

/** Whether the client's Temporal server answers now, asked at most once per REMEMBER_MS. */
export function temporalReachable(temporal: Client, now = Date.now()): Promise<boolean> {
  const last = lastProbe.get(temporal);
  if (last && now - last.at < REMEMBER_MS) return last.reachable;
  const reachable = temporal
    .withDeadline(now + PROBE_MS, () => temporal.workflowService.getSystemInfo({}))
    .then(
      () => true,
      () => false,
    );
  lastProbe.set(temporal, { at: now, reachable });
  return reachable;
}

/** An error that says the server could not be reached, as opposed to one it answered with. */
export function isTemporalUnreachable(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (isGrpcServiceError(e) && UNREACHABLE_CODES.has(e.code)) return true;
  return false;
}

export const temporalUnavailable = (what: string) =>
  new UserError(
    503,
    'temporal_unavailable',
    `${what} needs the workflow service (Temporal), which cannot be reached right now, so it was not confirmed. Look again in a minute and try again if nothing changed; if it lasts, ask an operator to check Temporal (GET /readyz names what is down).`,
  );

/** Runs `work` against Temporal, or answers 503 at once when the server is not there (or stops answering during the call). */
export async function withTemporal<T>(temporal: Client, what: string, work: () => Promise<T>): Promise<T> {
  if (!(await temporalReachable(temporal))) throw temporalUnavailable(what);
  try {
    return await work();
  } catch (err) {
    if (isTemporalUnreachable(err)) throw temporalUnavailable(what);
    throw err;
  }
}
