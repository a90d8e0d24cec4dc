import { ApiError } from '../api/api-error.ts';

export interface ActionFailure {
  title: string;
  color: string;
  message: string;
}

/** 403: the person's role does not allow it; 409: the order's state does not, right now. Either way nothing changed. */
export function describeActionFailure(error: unknown): ActionFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.status === 403) return { title: 'Your role does not allow this', color: 'orange', message };
  if (error instanceof ApiError && error.status === 409) return { title: 'Not allowed right now', color: 'orange', message };
  return { title: 'The action failed', color: 'red', message };
}
