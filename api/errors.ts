import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { log } from '../logging/logger.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Something the caller can fix: answered with its status and a message a person can act on. */
export class UserError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: FieldIssue[] | undefined;

  constructor(status: ContentfulStatusCode, code: string, message: string, issues?: FieldIssue[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (what: string) => new UserError(404, 'not_found', `${what} does not exist.`);

/**
 * The one place errors become HTTP answers: user errors (and a dependency that is down, 503) with their
 * status, anything else logged and answered 500 with the request id, which a person can quote to find the line.
 */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof UserError) {
    return c.json({ error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } }, err.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json({ error: { code: 'bad_request', message: err.message || 'The request was refused.' } }, err.status);
  }
  const requestId = c.get('requestId') as string | undefined;
  log.error({ err, method: c.req.method, path: c.req.path }, 'request failed');
  const quote = requestId ? ` with request id ${requestId}` : '';
  return c.json({ error: { code: 'internal', message: `Something went wrong on our side; it has been logged${quote}.`, ...(requestId ? { requestId } : {}) } }, 500);
}
