import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { GeoPoint } from '../../../domain/geo.ts';
import type { OrderDetail, PaymentMode } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';
import { orderName } from '../format/order-name.ts';
import { formatDateTime, formatRelative } from '../format/time.ts';
import { useNow } from '../format/use-now.ts';
import { LastMileBadge } from './last-mile-badge.tsx';
import { OrderHolds } from './order-holds.tsx';
import { holdsHeading } from './split-parts.ts';
import { OrderLines } from './order-lines.tsx';
import { StatedPriority } from './stated-priority.tsx';

const amount = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** As a map's search box takes it: latitude, longitude, to the metre (five decimals). */
const pointText = (point: GeoPoint) => `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`;

export const PAYMENT_MODE_LABELS: Record<PaymentMode, string> = {
  prepaid: 'Prepaid',
  credit_terms: 'Credit terms',
  cod: 'Cash on delivery',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** What the order is: stated against effective priority first, since that is what people argue about. */
export function OrderFacts({ order, workAreaName }: { order: OrderDetail; workAreaName: string }) {
  const now = useNow();
  return (
    <Stack gap="md">
      <Title order={4}>Facts</Title>
      <SimpleGrid cols={2}>
        <Paper withBorder p="sm">
          <Fact label="Stated priority">
            <StatedPriority priority={order.statedPriority} />
          </Fact>
          <Text size="xs" c="dimmed" mt={4}>
            What the requester asked for.
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Fact label="Effective priority score">
            <Text fw={700} size="xl" span>
              {order.priorityScore ?? '—'}
            </Text>
          </Fact>
          <Text size="xs" c="dimmed" mt={4}>
            {order.priorityScore === null
              ? 'Not scored yet: the priority rules run when the order is accepted.'
              : 'What the priority rules made of it; this ranks the order for release.'}
          </Text>
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <Fact label="Due">
          {formatDateTime(order.dueAt)} ({formatRelative(order.dueAt, now)})
        </Fact>
        <Fact label="Kind">{humanize(order.kind)}</Fact>
        <Fact label="Payment">{PAYMENT_MODE_LABELS[order.paymentMode]}</Fact>
        {order.codAmount !== null && (
          <Fact label="Cash to collect">
            <span data-testid="order-cod-amount">{amount.format(order.codAmount)}</span>
          </Fact>
        )}
        {order.pickupLocation && (
          <Fact label="Pickup point">
            <span data-testid="order-pickup-point">{pointText(order.pickupLocation)}</span>
          </Fact>
        )}
        {order.dropoffLocation && (
          <Fact label="Drop-off point">
            <span data-testid="order-dropoff-point">{pointText(order.dropoffLocation)}</span>
          </Fact>
        )}
        <Fact label="Carrier type">
          <span data-testid="order-carrier-type">{order.carrierType ? humanize(order.carrierType) : 'Any'}</span>
        </Fact>
        {order.lastMileStatus && (
          <Fact label="Last mile">
            <LastMileBadge status={order.lastMileStatus} />
          </Fact>
        )}
        <Fact label="Assignee">{order.assignee ?? <Text span size="sm" c="dimmed">nobody yet</Text>}</Fact>
        {order.parentId && (
          <Fact label="Split from">
            <Text span size="sm" data-testid="order-parent">
              {orderName({ id: order.parentId, reference: order.parentReference })}
            </Text>
          </Fact>
        )}
        <Fact label="Work area">{workAreaName}</Fact>
        {order.requiredSkills.length > 0 && <Fact label="Needs skills">{order.requiredSkills.map(humanize).join(', ')}</Fact>}
        <Fact label="Account">{order.account}</Fact>
        <Fact label="Received">{formatDateTime(order.createdAt)}</Fact>
        <Fact label="Last change">{formatDateTime(order.updatedAt)}</Fact>
      </SimpleGrid>
      {order.holds.length > 0 && (
        <Fact label={holdsHeading(order.state)}>
          <OrderHolds holds={order.holds} />
        </Fact>
      )}
      <OrderLines lines={order.lines} />
    </Stack>
  );
}
