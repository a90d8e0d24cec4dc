import type { ActivityDeps } from '../activity-deps.ts';
import { issueDocumentActivity } from './issue-document.ts';
import { publicUrlFromEnv } from './public-url.ts';

export function createDocumentActivities(deps: ActivityDeps, publicUrl = publicUrlFromEnv()) {
  return { issueDocument: issueDocumentActivity(deps, publicUrl) };
}

export type DocumentActivities = ReturnType<typeof createDocumentActivities>;
export type { IssueDocumentInput } from './issue-document.ts';
