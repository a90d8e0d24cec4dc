import type { IssueDocumentInput } from '../activities/documents/index.ts';

/** `document-<order>-<kind>`, `document-<invoice>-credit_note`, or a return's `document-<rma>-credit_note`: one workflow id per document. */
export const documentWorkflowId = (input: IssueDocumentInput): string =>
  input.kind !== 'credit_note' ? `document-${input.orderId}-${input.kind}` : `document-${'rmaId' in input ? input.rmaId : input.invoiceId}-credit_note`;
