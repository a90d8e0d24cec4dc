import type { z } from 'zod';
import type { ApiIssue } from '../api/api-error.ts';

type Issue = z.core.$ZodIssue;

/** How strongly a branch's issues say "this value has another shape": unknown or missing fields at its top. */
function shapeMismatch(issues: readonly Issue[]): number {
  return issues.reduce((sum, issue) => {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return sum + issue.keys.length;
    return sum + (issue.path.length <= 1 ? 1 : 0);
  }, 0);
}

/**
 * Issues as `{ path, message }`, paths dotted like the API's (`rules.0.conditions.all.1.value`). A union
 * that matched nothing ("Invalid input" on a whole condition) is replaced by the issues of the branch the
 * value was most likely meant to be, so a typo deep in a condition is reported where it is.
 */
export function flattenIssues(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): ApiIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const likeliest = issue.errors.reduce((best, branch) => (shapeMismatch(branch) < shapeMismatch(best) ? branch : best));
      if (likeliest.length > 0) return flattenIssues(likeliest, path);
    }
    return [{ path: path.map(String).join('.'), message: issue.message }];
  });
}
