import { Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { OrderListItem } from '../../../domain/order.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import { humanize } from '../format/labels.ts';
import { orderName } from '../format/order-name.ts';
import { useNow } from '../format/use-now.ts';
import { DueTime } from './due-time.tsx';
import { LastMileBadge } from './last-mile-badge.tsx';
import { StatedPriority } from './stated-priority.tsx';
import { StateBadge } from './state-badge.tsx';
import { workDone } from './work-done.ts';

interface OrdersTableProps {
  orders: OrderListItem[];
  workAreaNames: ReadonlyMap<string, string>;
  onOpen: (orderId: string) => void;
}

/** Below this width the table scrolls sideways rather than squeezing its columns. */
const TABLE_MIN_WIDTH = 1080;

export function OrdersTable({ orders, workAreaNames, onOpen }: OrdersTableProps) {
  const now = useNow();
  const { ref, width } = useElementSize();
  // On a tablet the last columns are off screen: say so, and keep the scrollbar in view, not only on hover.
  const scrolls = width > 0 && width < TABLE_MIN_WIDTH;
  return (
    <Table.ScrollContainer ref={ref} minWidth={TABLE_MIN_WIDTH} scrollAreaProps={{ type: 'auto' }}>
      <Table data-testid="orders-table" highlightOnHover verticalSpacing="sm" captionSide="top">
        {scrolls && (
          <Table.Caption ta="left" data-testid="orders-table-scroll-hint">
            Scroll the table sideways for Due and Work area →
          </Table.Caption>
        )}
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Order</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Stated priority</Table.Th>
            <Table.Th>Effective score</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Last mile</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Work area</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr
              key={order.id}
              data-testid={`order-row-${order.id}`}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(order.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(order.id);
                }
              }}
            >
              <Table.Td>
                <Text fw={600} size="sm">
                  {orderName(order)}
                </Text>
              </Table.Td>
              <Table.Td>{order.account}</Table.Td>
              <Table.Td>{humanize(order.kind)}</Table.Td>
              <Table.Td>
                <StatedPriority priority={order.statedPriority} />
              </Table.Td>
              <Table.Td>
                {order.priorityScore === null ? (
                  <Text size="sm" c="dimmed">
                    not scored yet
                  </Text>
                ) : (
                  <Text fw={700}>{order.priorityScore}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <StateBadge state={order.state} />
                {order.escalation && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {ROLE_LABELS[order.escalation.role]} queue
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{order.lastMileStatus && <LastMileBadge status={order.lastMileStatus} />}</Table.Td>
              <Table.Td>
                <DueTime dueAt={order.dueAt} done={workDone(order)} now={now} />
              </Table.Td>
              <Table.Td>{workAreaNames.get(order.workAreaId) ?? order.workAreaId}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
