import { proxyActivities } from '@temporalio/workflow';
import type { DocumentActivities, IssueDocumentInput } from '../activities/documents/index.ts';
import type { DocumentSummary } from '../domain/document.ts';

const { issueDocument } = proxyActivities<DocumentActivities>({
  // Rendering an invoice of ten thousand lines takes seconds on a busy worker; two minutes is room for it
  // and the store. The activity beats every two seconds: a worker that dies is noticed after ten.
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['OrderNotFound', 'InvoiceNotFound', 'NotIssuable', 'RmaNotFound', 'DocumentTooLarge'] },
});

/**
 * Issues one document. Its workflow id names the order (or invoice) and the kind (`documentWorkflowId`),
 * so a second request while the first runs waits for the same run; the activity stores the document once
 * whatever the runs and retries.
 */
export async function issueDocumentWorkflow(input: IssueDocumentInput): Promise<DocumentSummary> {
  return await issueDocument(input);
}
