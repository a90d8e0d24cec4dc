import { Badge, Button, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { RMA_STATE_LABELS, RMA_STATES, type RmaState } from '../../../domain/returns/rma.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { ReturnDrawer } from './return-drawer.tsx';
import { cents, when } from './return-text.ts';
import { listReturns } from './returns-client.ts';

const STATE_OPTIONS = RMA_STATES.map((s) => ({ value: s, label: RMA_STATE_LABELS[s] }));

/** Customer returns (RMA): newest first, filtered by state; open one to see its lines and history and take its next step. */
export function ReturnsView() {
  const [state, setState] = useState<RmaState | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const returns = useResource(`returns:${state ?? ''}`, (signal) => listReturns(state, signal));
  const rows = returns.data ?? [];
  return (
    <Stack gap="md">
      <Title order={2}>Returns</Title>
      <Text size="sm" c="dimmed" maw={720}>
        A customer return (RMA) starts from a delivered or completed order: open the order and choose "Start a return". The return rules decide who approves it; the goods are then received, inspected,
        restocked or scrapped, and settled by a refund, a credit note or an exchange.
      </Text>
      <Select label="State" placeholder="Every state" data={STATE_OPTIONS} value={state} onChange={(v) => setState(v as RmaState | null)} clearable maw={240} data-testid="returns-state-filter" />
      {returns.error && <LoadError title="The returns could not be loaded" error={returns.error} onRetry={returns.reload} />}
      {rows.length > 0 && (
        <Table striped highlightOnHover data-testid="returns-table">
          <Table.Caption>Customer returns, newest first (up to 200).</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Return</Table.Th>
              <Table.Th>Order</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Approver</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Value</Table.Th>
              <Table.Th>Requested</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid={`return-row-${r.id}`}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(r.id)} aria-label={`Open return ${r.id.slice(0, 8)}`} data-testid={`return-open-${r.id}`}>
                    {r.id.slice(0, 8)}
                  </Button>
                </Table.Td>
                <Table.Td>{r.orderReference ?? r.orderId.slice(0, 8)}</Table.Td>
                <Table.Td>{r.accountCode}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {RMA_STATE_LABELS[r.state]}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.approver === 'finance' ? 'Finance' : 'Order processor'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{cents(r.valueCents)}</Table.Td>
                <Table.Td>{when(r.requestedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {returns.data && rows.length === 0 && (
        <Text c="dimmed" data-testid="returns-empty">
          {state ? `No return is ${RMA_STATE_LABELS[state].toLowerCase()}.` : 'No returns yet.'}
        </Text>
      )}
      {open && <ReturnDrawer id={open} onClose={() => setOpen(null)} onChanged={returns.reload} />}
    </Stack>
  );
}
