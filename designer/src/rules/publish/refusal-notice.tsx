import { Alert } from '@mantine/core';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { ApiError, type ApiIssue } from '../../api/api-error.ts';
import { sortPublishIssues } from '../draft-check.ts';
import { IssueList } from '../issue-list.tsx';

export interface Refusal {
  message: string;
  issues: ApiIssue[];
}

export const refusalOf = (error: unknown): Refusal => ({
  message: error instanceof Error ? error.message : String(error),
  issues: sortPublishIssues(error instanceof ApiError ? error.issues : []).definition,
});

/** Why Sluice refused to save or publish: each problem with the rules where it is, or the message alone. */
export function RefusalNotice({ refusal, definition }: { refusal: Refusal; definition: RulesetDefinition }) {
  return refusal.issues.length > 0 ? (
    <IssueList title="Sluice refused this draft; fix these and try again" issues={refusal.issues} draft={definition} />
  ) : (
    <Alert color="red" title="That did not work" data-testid="rules-publish-error">
      {refusal.message}
    </Alert>
  );
}
