import { Alert, Anchor, Button, Drawer, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { RETURN_REASON_LABELS } from '../../../domain/returns/return-reasons.ts';
import { FINAL_RMA_STATES, RMA_ACTION_LABELS, RMA_STATE_LABELS, type ProcessAction, type RmaAction, type RmaDetail } from '../../../domain/returns/rma.ts';
import { rmaActionsFor } from '../../../domain/returns/rma-machine.ts';
import { documentPdfUrl } from '../api/documents-client.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../session/use-session.ts';
import { cents, when } from './return-text.ts';
import { decideReturn, readReturn, stepReturn } from './returns-client.ts';

/** What each step means for the goods and the money, under its button. */
const ACTION_HINTS: Partial<Record<RmaAction, string>> = {
  restock: "Puts the goods back on hand in the order's warehouse.",
  scrap: 'The goods are written off; stock does not change.',
  credit: "Issues a credit note against the order's invoice for the return's value.",
  refund: 'Issues the credit note and records the money paid back to the customer.',
  exchange: 'Takes a replacement order for the returned lines, at no charge.',
};

/** One return: what comes back and why, the next steps the lifecycle and my roles allow, and its history. */
export function ReturnDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const rma = useResource(`return:${id}`, (signal) => readReturn(id, signal));
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Title order={2}>Return {id.slice(0, 8)}</Title>} data-testid="return-drawer">
      {rma.error && <Alert color="red">{rma.error.message}</Alert>}
      {rma.data && (
        <ReturnDetail
          rma={rma.data}
          onChanged={() => {
            rma.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function ReturnDetail({ rma, onChanged }: { rma: RmaDetail; onChanged: () => void }) {
  const { user } = useSession();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<RmaAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const actions = rmaActionsFor(rma.state, { approver: rma.approver }, user.roles);
  const waitingForFinance = rma.state === 'requested' && rma.approver === 'finance' && !actions.includes('approve');

  const take = async (action: RmaAction) => {
    setBusy(action);
    setError(null);
    setMessage(null);
    try {
      const answer = action === 'approve' || action === 'reject' ? await decideReturn(rma.id, action, note.trim()) : await stepReturn(rma.id, action as ProcessAction, note.trim());
      if ('message' in answer) setMessage(answer.message);
      else setNote('');
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text data-testid="return-state">
          <b>{RMA_STATE_LABELS[rma.state]}</b> · order {rma.orderReference ?? rma.orderId} · {rma.accountCode}
        </Text>
        <Text size="sm">
          Worth {cents(rma.valueCents)}; approved by {rma.approver === 'finance' ? 'finance (the return rules ask for it above their threshold)' : 'an order processor'}.
        </Text>
        {rma.creditNoteNumber && rma.creditNoteId && (
          <Text size="sm" data-testid="return-credit-note">
            Credit note <b>{rma.creditNoteNumber}</b> ·{' '}
            <Anchor href={documentPdfUrl(rma.creditNoteId)} target="_blank" rel="noopener" aria-label={`Download PDF of credit note ${rma.creditNoteNumber}`}>
              Download PDF
            </Anchor>
          </Text>
        )}
        {rma.exchangeOrderId && <Text size="sm">Replacement order {rma.exchangeOrderId}</Text>}
      </Stack>
      <section aria-label="Lines">
        <Title order={3} mb="xs">
          Lines
        </Title>
        <Table withTableBorder data-testid="return-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>SKU</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Qty</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rma.lines.map((l) => (
              <Table.Tr key={l.sku}>
                <Table.Td>{l.sku}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{l.qty}</Table.Td>
                <Table.Td>
                  {RETURN_REASON_LABELS[l.reason]}
                  {l.note ? ` — ${l.note}` : ''}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{cents(l.valueCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <section aria-label="Next step">
        <Title order={3} mb="xs">
          Next step
        </Title>
        {error && (
          <Alert color="red" title="Not done" mb="xs" data-testid="return-error">
            {error}
          </Alert>
        )}
        {message && (
          <Alert color="yellow" mb="xs">
            {message}
          </Alert>
        )}
        {waitingForFinance && (
          <Text size="sm" mb="xs" data-testid="return-waiting-finance">
            Waiting for finance to approve or reject it.
          </Text>
        )}
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="return-no-actions">
            {FINAL_RMA_STATES.some((s) => s === rma.state) ? 'This return is finished.' : waitingForFinance ? 'Nothing here is yours to do.' : "Nothing here is yours to do: the next step is an order processor's."}
          </Text>
        ) : (
          <Stack gap="xs">
            <Textarea label="Note" description="Why, for the history (required to reject)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={1} data-testid="return-note" />
            <Group>
              {actions.map((action) => (
                <Button key={action} variant={action === 'reject' || action === 'cancel' ? 'default' : 'filled'} loading={busy === action} disabled={busy !== null} onClick={() => void take(action)} data-testid={`return-action-${action}`}>
                  {RMA_ACTION_LABELS[action]}
                </Button>
              ))}
            </Group>
            {actions.filter((a) => ACTION_HINTS[a]).map((a) => (
              <Text key={a} size="xs" c="dimmed">
                {RMA_ACTION_LABELS[a]}: {ACTION_HINTS[a]}
              </Text>
            ))}
          </Stack>
        )}
      </section>
      <section aria-label="History">
        <Title order={3} mb="xs">
          History
        </Title>
        <Table data-testid="return-timeline">
          <Table.Tbody>
            {rma.timeline.map((e) => (
              <Table.Tr key={`${e.action}-${e.at}`}>
                <Table.Td>{when(e.at)}</Table.Td>
                <Table.Td>{e.toState ? RMA_STATE_LABELS[e.toState as keyof typeof RMA_STATE_LABELS] ?? e.toState : e.action}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>{e.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
