import { randomUUID } from 'node:crypto';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';

const FAILED_PRECONDITION = 9;
const ATTEMPTS = 5;

/**
 * The server dropped the update because the workflow task meant to run it failed (its worker died, or the
 * task timed out on a loaded machine): the update did not happen. Orders run their decisions inside that
 * workflow task (local activities), so the window is wider than a single round trip.
 */
export function droppedWithWorkflowTask(err: unknown): boolean {
  const grpc = err instanceof ServiceError ? err.cause : err;
  return isGrpcServiceError(grpc) && grpc.code === FAILED_PRECONDITION && /workflow task failure/i.test(grpc.details);
}

/**
 * Sends an update, and again under the same id while the server drops it with a failed workflow task; the id makes the server run it at most once.
 * A caller that may send it again itself (a retried activity) names the id, so its second send joins the first.
 */
export async function sendUpdate<T>(send: (updateId: string) => Promise<T>, updateId: string = randomUUID()): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(updateId);
    } catch (err) {
      if (!droppedWithWorkflowTask(err) || attempt === ATTEMPTS) throw err;
    }
  }
}
