import type { ApiIssue } from '../api/api-error.ts';
import { sentence } from '../format/labels.ts';

/**
 * The first problem of each field, under every prefix of its path: `capacity.wipLimit` is found by a
 * form that puts the message under that one input and by one that shows it under the whole `capacity`
 * group (as `roles.0` counts for `roles`).
 */
export function fieldErrors(issues: readonly ApiIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    for (let length = 1; length <= parts.length; length++) errors[parts.slice(0, length).join('.')] ??= sentence(issue.message);
  }
  return errors;
}
