import { Alert, Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DOCUMENT_KIND_LABELS, ORDER_DOCUMENT_KINDS, type DocumentSummary, type OrderDocumentKind } from '../../../domain/document.ts';
import { describeRolesFor } from '../../../domain/roles.ts';
import { documentPdfUrl, issueOrderDocument, listOrderDocuments } from '../api/documents-client.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { CreditNoteForm } from './credit-note-form.tsx';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function DocumentLink({ document }: { document: DocumentSummary }) {
  const name = `${DOCUMENT_KIND_LABELS[document.kind]}${document.number ? ` ${document.number}` : ''}`;
  return (
    <Anchor href={documentPdfUrl(document.id)} target="_blank" rel="noopener" data-testid={`document-download-${document.kind}`} aria-label={`Download PDF of ${name}`}>
      Download PDF
    </Anchor>
  );
}

/** The order's papers: each kind issued once, then downloaded (reprinted) as stored; credit notes under their invoice. */
export function OrderDocuments({ orderId }: { orderId: string }) {
  const { can } = useSession();
  const documents = useResource(`documents:${orderId}`, (signal) => listOrderDocuments(orderId, signal));
  const [issuing, setIssuing] = useState<OrderDocumentKind | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [crediting, setCrediting] = useState<DocumentSummary | null>(null);
  const mayIssue = can('documents.issue');
  const mayCredit = can('documents.credit');

  const issue = async (kind: OrderDocumentKind) => {
    setIssuing(kind);
    setMessage(null);
    try {
      const answer = await issueOrderDocument(orderId, kind);
      if ('message' in answer) setMessage(answer.message);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setIssuing(null);
      documents.reload();
    }
  };

  const issued = documents.data ?? [];
  // One credit note per invoice, in full: an invoice already credited offers no second.
  const creditable = (document: DocumentSummary | undefined) => document?.kind === 'invoice' && !issued.some((d) => d.correctsId === document.id);
  const invoiceIssued = issued.some((d) => d.kind === 'invoice');
  const rows: { label: string; kind: DocumentSummary['kind']; document: DocumentSummary | undefined; issuable?: OrderDocumentKind }[] = [
    ...ORDER_DOCUMENT_KINDS.map((kind) => ({ label: DOCUMENT_KIND_LABELS[kind], kind, document: issued.find((d) => d.kind === kind), issuable: kind })),
    ...issued.filter((d) => d.kind === 'credit_note').map((d) => ({ label: DOCUMENT_KIND_LABELS.credit_note, kind: d.kind, document: d })),
  ];
  return (
    <section data-testid="order-documents">
      <Title order={4} mb="xs">
        Documents
      </Title>
      {documents.error && (
        <Alert color="red" variant="light" mb="xs">
          {documents.error.message}
        </Alert>
      )}
      {message && (
        <Alert color="yellow" variant="light" mb="xs" data-testid="document-message">
          {message}
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Document</Table.Th>
            <Table.Th>Issued</Table.Th>
            <Table.Th>PDF</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ label, kind, document, issuable }) => (
            <Table.Tr key={document?.id ?? kind} data-testid={`document-row-${kind}`}>
              <Table.Td>
                {label}
                {document?.number && (
                  <Text span ff="monospace" size="sm" ml={6}>
                    {document.number}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{document ? when(document.issuedAt) : <Text span c="dimmed" size="sm">not issued</Text>}</Table.Td>
              <Table.Td>
                {document ? (
                  <Group gap="sm" wrap="nowrap">
                    <DocumentLink document={document} />
                    {mayCredit && creditable(document) && (
                      <Button size="compact-sm" variant="light" color="orange" disabled={crediting !== null} onClick={() => setCrediting(document)} data-testid="document-credit">
                        Credit…
                      </Button>
                    )}
                  </Group>
                ) : issuable && mayIssue ? (
                  <Button size="compact-sm" variant="light" loading={issuing === issuable} disabled={issuing !== null} onClick={() => void issue(issuable)} data-testid={`document-issue-${issuable}`}>
                    Issue {label.toLowerCase()}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {crediting && (
        <CreditNoteForm
          invoice={crediting}
          onCancel={() => setCrediting(null)}
          onDone={(answer) => {
            setCrediting(null);
            setMessage(answer);
            documents.reload();
          }}
        />
      )}
      {!mayIssue && (
        <Text size="sm" c="dimmed" mt="xs">
          Issuing documents needs {describeRolesFor('documents.issue')}.
        </Text>
      )}
      {invoiceIssued && !mayCredit && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="document-credit-needs">
          Crediting an invoice needs {describeRolesFor('documents.credit')}.
        </Text>
      )}
    </section>
  );
}
