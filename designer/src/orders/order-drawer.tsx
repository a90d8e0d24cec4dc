import { Alert, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { getOrder } from '../api/client.ts';
import { useOrderEvents } from '../api/order-event-stream.tsx';
import { useResource } from '../api/use-resource.ts';
import { orderName } from '../format/order-name.ts';
import { OrderDetailPanel } from './order-detail-panel.tsx';

interface OrderDrawerProps {
  orderId: string;
  opened: boolean;
  onClose: () => void;
  /** The order moved because of something done here: the list behind the drawer should reload. */
  onChanged: () => void;
  workAreaNames: ReadonlyMap<string, string>;
}

export function OrderDrawer({ orderId, opened, onClose, onChanged, workAreaNames }: OrderDrawerProps) {
  const order = useResource(orderId, (signal) => getOrder(orderId, signal));
  useOrderEvents((message) => {
    if (message.type === 'resync' || message.event.orderId === orderId) order.reload();
  });
  const detail = order.data;

  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size="xl">
      <Drawer.Overlay />
      <Drawer.Content data-testid="order-drawer" data-order-id={orderId}>
        <Drawer.Header>
          <Drawer.Title fw={700} fz="lg">
            {detail ? `Order ${orderName(detail)}` : 'Order'}
          </Drawer.Title>
          <Drawer.CloseButton aria-label="Close order" />
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="lg">
            {order.error && (
              <Alert color="red" title="This order could not be loaded">
                {order.error.message}
              </Alert>
            )}
            {!detail && order.loading && (
              <Group gap="xs">
                <Loader size="sm" />
                <Text c="dimmed">Loading the order…</Text>
              </Group>
            )}
            {detail && (
              <OrderDetailPanel
                order={detail}
                workAreaName={workAreaNames.get(detail.workAreaId) ?? detail.workAreaId}
                onActionDone={() => {
                  order.reload();
                  onChanged();
                }}
              />
            )}
          </Stack>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
