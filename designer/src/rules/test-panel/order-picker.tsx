import { Alert, Checkbox, Group, Loader, Pill, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { OrderListItem } from '../../../../domain/order.ts';
import { searchOrders } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { humanize } from '../../format/labels.ts';
import { orderName } from '../../format/order-name.ts';

const LIMIT = 20;

export const orderLabel = (order: Pick<OrderListItem, 'id' | 'reference'>) => orderName(order);

interface OrderPickerProps {
  picked: ReadonlyMap<string, OrderListItem>;
  onChange: (picked: Map<string, OrderListItem>) => void;
}

/** Real orders to run the rules on, with the facts they have now: found by id, reference or account. */
export function OrderPicker({ picked, onChange }: OrderPickerProps) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const found = useResource(`order-search:${debounced}`, (signal) => searchOrders(debounced, LIMIT, signal));
  const toggle = (order: OrderListItem) => {
    const next = new Map(picked);
    if (next.has(order.id)) next.delete(order.id);
    else next.set(order.id, order);
    onChange(next);
  };

  return (
    <Stack gap="xs">
      <TextInput
        data-testid="test-order-search"
        label="Find orders"
        description="By id, reference or account. Without a search, the newest orders are listed."
        placeholder="e.g. ACME or SO-1042"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        rightSection={found.loading ? <Loader size="xs" /> : undefined}
      />
      {found.error && (
        <Alert color="red" p="xs" data-testid="test-order-search-error">
          {found.error.message}
        </Alert>
      )}
      {found.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="test-order-none">
          {debounced ? `No orders match “${debounced}”.` : 'There are no orders yet.'}
        </Text>
      )}
      {found.data && found.data.length > 0 && (
        <ScrollArea.Autosize mah={200} type="auto" offsetScrollbars>
          <Stack gap={6} data-testid="test-order-results">
            {found.data.map((order) => (
              <Checkbox
                key={order.id}
                data-testid={`test-order-${order.id}`}
                checked={picked.has(order.id)}
                onChange={() => toggle(order)}
                label={orderLabel(order)}
                description={`${order.account} · ${humanize(order.kind)} · ${humanize(order.state)}`}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {picked.size > 0 && (
        <Group gap={4} data-testid="test-orders-picked">
          {[...picked.values()].map((order) => (
            <Pill key={order.id} withRemoveButton onRemove={() => toggle(order)}>
              {orderLabel(order)}
            </Pill>
          ))}
        </Group>
      )}
    </Stack>
  );
}
