import { WorkflowFailedError } from '@temporalio/client';
import type { IssueDocumentInput } from '../../activities/documents/index.ts';
import type { DocumentSummary } from '../../domain/document.ts';
import { DocumentRecord } from '../../store/documents/document.entity.ts';
import { summaryOf } from '../../store/documents/issue-documents.ts';
import { documentWorkflowId } from '../../workflows/document-workflow-id.ts';
import type { issueDocumentWorkflow } from '../../workflows/issue-document.workflow.ts';
import type { ApiDeps } from '../api-deps.ts';
import { UserError } from '../errors.ts';
import { withTemporal } from '../temporal-gate.ts';

/** How long a request waits for its document before answering that it is still being issued. */
export const ISSUE_WAIT_MS = 30_000;

export type IssueOutcome = { status: 'issued' | 'existed'; document: DocumentSummary } | { status: 'issuing' };

/** The failure at the bottom of a workflow's (its activity's ApplicationFailure): what a person can act on. */
function rootMessage(err: Error): string {
  let cause = err;
  while (cause.cause instanceof Error) cause = cause.cause;
  return cause.message;
}

/**
 * Issues a document through its workflow, or answers the one stored. A second request while the first
 * runs joins the same workflow (its id names the order and kind), so both get the one document.
 */
export async function requestDocument(deps: ApiDeps, issueKey: string, input: IssueDocumentInput): Promise<IssueOutcome> {
  const stored = await deps.store.em.fork().findOne(DocumentRecord, { issueKey });
  if (stored) return { status: 'existed', document: summaryOf(stored) };
  return withTemporal(deps.temporal, 'Issuing a document', async () => {
    const handle = await deps.temporal.workflow.start<typeof issueDocumentWorkflow>('issueDocumentWorkflow', {
      workflowId: documentWorkflowId(input),
      taskQueue: deps.taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'issuing'>((resolve) => (timer = setTimeout(() => resolve('issuing'), ISSUE_WAIT_MS)));
    try {
      const result = await Promise.race([handle.result(), waited]);
      return result === 'issuing' ? { status: 'issuing' } : { status: 'issued', document: result };
    } catch (err) {
      if (err instanceof WorkflowFailedError) throw new UserError(409, 'conflict', `The document could not be issued: ${rootMessage(err)}`);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  });
}
