export interface ApiIssue {
  path: string;
  message: string;
}

/** A refusal or failure reported by the API; `message` is the server's, meant to be shown to the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  /** From `Retry-After` on a 429: how long the server asks us to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
