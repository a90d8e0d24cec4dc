import type { IssueDocumentInput } from '../activities/documents/index.ts';

/** `document-<order>-<kind>`, or `document-<invoice>-credit_note`: one workflow id per document. */
export const documentWorkflowId = (input: IssueDocumentInput): string =>
  input.kind === 'credit_note' ? `document-${input.invoiceId}-credit_note` : `document-${input.orderId}-${input.kind}`;
