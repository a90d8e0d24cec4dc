import type { ApiIssue } from '../api/api-error.ts';
import { sentence } from '../format/labels.ts';

/** The first problem of each top-level field (`roles.0` counts as `roles`), as a form shows it under the field. */
export function fieldErrors(issues: readonly ApiIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    errors[field] ??= sentence(issue.message);
  }
  return errors;
}
