import { Alert, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../domain/order.ts';
import { RETURN_REASON_LABELS, RETURN_REASONS, type ReturnReason } from '../../../domain/returns/return-reasons.ts';
import { RMA_STATE_LABELS } from '../../../domain/returns/rma.ts';
import { describeRolesFor } from '../../../domain/roles.ts';
import { useResource } from '../api/use-resource.ts';
import { cents } from '../returns/return-text.ts';
import { listOrderReturns, requestReturn } from '../returns/returns-client.ts';
import { useSession } from '../session/use-session.ts';

/** The order's states from which goods come back by a return (as the API checks): they reached the customer. */
const RETURNABLE = new Set(['delivered', 'completed', 'awaiting_remit', 'closed']);
const REASON_OPTIONS = RETURN_REASONS.map((r) => ({ value: r, label: RETURN_REASON_LABELS[r] }));

type Draft = Record<string, { qty: number | string; reason: ReturnReason; note: string }>;

/** The order's customer returns, and "Start a return" once its goods reached the customer. */
export function OrderReturns({ order }: { order: OrderDetail }) {
  const { can } = useSession();
  const returns = useResource(`order-returns:${order.id}`, (signal) => listOrderReturns(order.id, signal));
  const [starting, setStarting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const returnable = RETURNABLE.has(order.state);
  return (
    <section data-testid="order-returns" aria-label="Returns">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Returns</Title>
        {returnable && can('returns.process') && !starting && (
          <Button size="xs" variant="default" onClick={() => setStarting(true)} data-testid="start-return">
            Start a return
          </Button>
        )}
      </Group>
      {done && (
        <Alert color="green" variant="light" mb="xs" data-testid="return-started" withCloseButton onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {starting && (
        <StartReturn
          order={order}
          onCancel={() => setStarting(false)}
          onDone={(message) => {
            setStarting(false);
            setDone(message);
            returns.reload();
          }}
        />
      )}
      {(returns.data ?? []).map((r) => (
        <Text size="sm" key={r.id}>
          Return {r.id.slice(0, 8)}: {RMA_STATE_LABELS[r.state].toLowerCase()}, {cents(r.valueCents)}
          {r.creditNoteNumber ? ` · credit note ${r.creditNoteNumber}` : ''}
        </Text>
      ))}
      {returns.data?.length === 0 && !starting && (
        <Text size="sm" c="dimmed">
          {returnable
            ? can('returns.process')
              ? 'No returns. Goods the customer sends back start with "Start a return".'
              : `No returns. Starting one needs ${describeRolesFor('returns.process')}.`
            : 'No returns: goods come back by a return once the order is delivered or completed.'}
        </Text>
      )}
    </section>
  );
}

function StartReturn({ order, onCancel, onDone }: { order: OrderDetail; onCancel: () => void; onDone: (message: string) => void }) {
  const shipped = new Map<string, number>();
  for (const l of order.lines) shipped.set(l.sku, (shipped.get(l.sku) ?? 0) + l.qty);
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries([...shipped.keys()].map((sku) => [sku, { qty: 0, reason: 'damaged' as ReturnReason, note: '' }])));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (sku: string, change: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [sku]: { ...d[sku]!, ...change } }));
  const lines = Object.entries(draft)
    .filter(([, l]) => Number(l.qty) > 0)
    .map(([sku, l]) => ({ sku, qty: Number(l.qty), reason: l.reason, ...(l.note.trim() ? { note: l.note.trim() } : {}) }));

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const rma = await requestReturn(order.id, { lines });
      onDone(
        rma.state === 'rejected'
          ? `The return rules refused return ${rma.id.slice(0, 8)}: ${rma.timeline.at(-1)?.reason ?? ''}`
          : `Return ${rma.id.slice(0, 8)} requested (${cents(rma.valueCents)}); ${rma.approver === 'finance' ? 'finance approves it' : 'an order processor approves it'} in Returns.`,
      );
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="start-return-form">
      <Text size="sm">Give the quantity coming back of each SKU and why; leave the others at 0.</Text>
      {error && (
        <Alert color="red" variant="light" title="Not requested" data-testid="start-return-error">
          {error}
        </Alert>
      )}
      <Table withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Returned</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...shipped.entries()].map(([sku, qty]) => (
            <Table.Tr key={sku}>
              <Table.Td>{sku}</Table.Td>
              <Table.Td>
                <NumberInput aria-label={`Quantity of ${sku} returned, of ${qty} shipped`} value={draft[sku]!.qty} onChange={(v) => set(sku, { qty: v })} min={0} max={qty} allowDecimal={false} w={90} data-testid={`return-qty-${sku}`} />
              </Table.Td>
              <Table.Td>
                <Select aria-label={`Why ${sku} comes back`} data={REASON_OPTIONS} value={draft[sku]!.reason} onChange={(v) => v && set(sku, { reason: v as ReturnReason })} allowDeselect={false} w={190} data-testid={`return-reason-${sku}`} />
              </Table.Td>
              <Table.Td>
                <TextInput aria-label={`Note on ${sku}`} value={draft[sku]!.note} onChange={(e) => set(sku, { note: e.currentTarget.value })} maxLength={500} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="xs" onClick={() => void submit()} loading={busy} disabled={lines.length === 0} data-testid="start-return-submit">
          Request the return
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
