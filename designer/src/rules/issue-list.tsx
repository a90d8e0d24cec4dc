import { Alert, Code, List, Text } from '@mantine/core';
import type { ApiIssue } from '../api/api-error.ts';
import { describeIssuePath } from './draft-check.ts';

interface IssueListProps {
  title: string;
  issues: readonly ApiIssue[];
  /** The draft as parsed JSON, to name the rule an issue is in. */
  draft: unknown;
}

/** Every problem with the draft, each where it is (`rules.0.conditions…`) and what is wrong there. */
export function IssueList({ title, issues, draft }: IssueListProps) {
  return (
    <Alert color="red" title={title} data-testid="rules-issues">
      <List size="sm" spacing={4}>
        {issues.map((issue, index) => (
          <List.Item key={`${index}-${issue.path}`} data-testid="rules-issue">
            <Code>{describeIssuePath(issue.path, draft)}</Code>
            <Text span size="sm">
              : {issue.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
