import { Alert, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { OperationProgress } from '../../../domain/operation-progress.ts';
import type { OrderDetail } from '../../../domain/order.ts';
import { completeOperation } from '../api/client.ts';
import { formatDateTime } from '../format/time.ts';
import { useSession } from '../session/use-session.ts';
import { describeActionFailure, type ActionFailure } from './action-failure.ts';

const STATE_COLORS = { waiting: 'gray', arrived: 'blue', done: 'green' } as const;

/** "arrived 10:42" or "done 11:05 by ana": when the step got where it is. */
function when(op: OperationProgress): string {
  if (op.doneAt) return `done ${formatDateTime(op.doneAt)}${op.doneBy ? ` by ${op.doneBy}` : ''}`;
  if (op.arrivedAt) return `arrived ${formatDateTime(op.arrivedAt)}`;
  return 'not arrived yet';
}

interface OrderRoutingProps {
  order: OrderDetail;
  onDone: () => void;
}

/**
 * A production order's routing, step by step: waiting for its area, arrived there (its direct load), or
 * done (its load has left). Whoever reports floor progress may complete the next step while the order is in progress.
 */
export function OrderRouting({ order, onDone }: OrderRoutingProps) {
  const { can } = useSession();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  if (order.operations.length === 0) return null;
  const next = order.operations.find((op) => op.state !== 'done');
  const mayComplete = can('orders.progress') && order.state === 'in_progress' && next !== undefined;

  const complete = async (position: number) => {
    setFailure(null);
    setPending(true);
    try {
      await completeOperation(order.id, position);
      onDone();
    } catch (error) {
      setFailure(describeActionFailure(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <section>
      <Title order={4} mb="xs">
        Routing
      </Title>
      <Stack gap="xs">
        <Table verticalSpacing={4} data-testid="order-routing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Step</Table.Th>
              <Table.Th>Area</Table.Th>
              <Table.Th ta="right">Hours</Table.Th>
              <Table.Th>Progress</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.operations.map((op) => (
              <Table.Tr key={op.position} data-testid={`operation-${op.position}`}>
                <Table.Td>{op.position}</Table.Td>
                <Table.Td ff="monospace">{op.workAreaId}</Table.Td>
                <Table.Td ta="right">{op.hours}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[op.state]} variant="light" mr={6}>
                    {op.state}
                  </Badge>
                  <Text span size="xs" c="dimmed">
                    {when(op)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {mayComplete && (
          <Button size="xs" variant="light" loading={pending} onClick={() => void complete(next.position)} data-testid="complete-next-operation" style={{ alignSelf: 'flex-start' }}>
            Complete step {next.position} at {next.workAreaId}
            {next === order.operations.at(-1) ? ' (completes the order)' : ''}
          </Button>
        )}
        {failure && (
          <Alert color={failure.color} title={failure.title} data-testid="operation-failure">
            {failure.message}
          </Alert>
        )}
      </Stack>
    </section>
  );
}
