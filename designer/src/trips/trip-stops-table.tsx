import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import type { OrderDetail } from '../../../domain/order.ts';
import { isFixed } from '../../../domain/trips/stops.ts';
import type { Stop, TripSummary } from '../../../domain/trips/trip.ts';
import { orderName } from '../format/order-name.ts';
import { DueTime } from '../orders/due-time.tsx';
import { LastMileBadge } from '../orders/last-mile-badge.tsx';

const KIND_LABELS = { pickup: 'Pickup', dropoff: 'Drop-off' } as const;
const STATUS_LABELS = { pending: 'To do', arrived: 'Driver there', done: 'Done', failed: 'Failed' } as const;

interface TripStopsTableProps {
  trip: TripSummary;
  /** Whether this person may change the trip's stops, and the trip is live so they can change. */
  editable: boolean;
  orders: ReadonlyMap<string, OrderDetail> | undefined;
  /** The other live trips an order may move to. */
  targets: readonly TripSummary[];
  busy: boolean;
  now: number;
  onOpenOrder: (orderId: string) => void;
  onSwap: (index: number, withIndex: number) => void;
  onMove: (orderId: string, toTripId: string) => void;
}

const stopLabel = (s: Stop, name: string) => `${KIND_LABELS[s.kind].toLowerCase()} of ${name}`;

/** A trip's stops in order; pinned and visited stops stay where they are, so they offer no move. */
export function TripStopsTable({ trip, editable, orders, targets, busy, now, onOpenOrder, onSwap, onMove }: TripStopsTableProps) {
  return (
    <Table data-testid={`trip-stops-${trip.id}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Order</Table.Th>
          <Table.Th>Stop</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Last mile</Table.Th>
          <Table.Th>Due</Table.Th>
          {editable && <Table.Th>Change</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trip.stops.map((s, i) => {
          const order = orders?.get(s.orderId);
          const name = order ? orderName(order) : `#${s.orderId.slice(0, 8)}`;
          const free = !isFixed(s);
          return (
            <Table.Tr key={`${s.orderId}-${s.kind}`} data-testid={`stop-${s.orderId}-${s.kind}`}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => onOpenOrder(s.orderId)}>
                  {name}
                </Button>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{KIND_LABELS[s.kind]}</Text>
                  {s.pinned && (
                    <Badge size="sm" variant="outline" color="gray">
                      Pinned
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{STATUS_LABELS[s.status]}</Table.Td>
              <Table.Td>{order?.lastMileStatus ? <LastMileBadge status={order.lastMileStatus} /> : '—'}</Table.Td>
              <Table.Td>{order ? <DueTime dueAt={order.dueAt} done={s.status === 'done'} now={now} /> : '—'}</Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="default" aria-label={`Earlier: the ${stopLabel(s, name)}`} disabled={busy || !free || i === 0} onClick={() => onSwap(i, i - 1)}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="default" aria-label={`Later: the ${stopLabel(s, name)}`} disabled={busy || !free || i === trip.stops.length - 1} onClick={() => onSwap(i, i + 1)}>
                      ↓
                    </ActionIcon>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button size="compact-sm" variant="default" disabled={busy || !free || targets.length === 0} data-testid={`move-${s.orderId}-${s.kind}`} aria-label={`Move to… another trip: order ${name}`}>
                          Move to…
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Label>Its pickup and drop-off move together</Menu.Label>
                        {targets.map((t) => (
                          <Menu.Item key={t.id} onClick={() => onMove(s.orderId, t.id)} data-testid={`move-to-${t.id}`}>
                            {t.driverId}'s trip {t.id.slice(0, 8)} ({t.stops.length} stops)
                          </Menu.Item>
                        ))}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
