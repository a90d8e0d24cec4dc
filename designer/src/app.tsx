import { AppShell, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { LiveIndicator } from './live/live-indicator.tsx';
import { OrdersView } from './orders/orders-view.tsx';

// The canvas (React Flow) is most of the bundle and only this view needs it: load it on first visit.
const PriorityRulesView = lazy(async () => ({
  default: (await import('./rules/priority-rules-view.tsx')).PriorityRulesView,
}));

type View = 'orders' | 'priority-rules';

function isView(value: string | null): value is View {
  return value === 'orders' || value === 'priority-rules';
}

export function App() {
  const [view, setView] = useState<View>('orders');
  return (
    <Tabs value={view} onChange={(value) => isView(value) && setView(value)} keepMounted={false}>
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xl" wrap="nowrap">
              <Group gap={8} align="baseline" wrap="nowrap">
                <Title order={3}>Sluice</Title>
                <Text size="sm" c="dimmed">
                  order release
                </Text>
              </Group>
              <Tabs.List>
                <Tabs.Tab value="orders" data-testid="tab-orders">
                  Orders
                </Tabs.Tab>
                <Tabs.Tab value="priority-rules" data-testid="tab-priority-rules">
                  Priority rules
                </Tabs.Tab>
              </Tabs.List>
            </Group>
            <LiveIndicator />
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Tabs.Panel value="orders">
            <OrdersView />
          </Tabs.Panel>
          <Tabs.Panel value="priority-rules">
            <Suspense fallback={<Loader size="sm" />}>
              <PriorityRulesView />
            </Suspense>
          </Tabs.Panel>
        </AppShell.Main>
      </AppShell>
    </Tabs>
  );
}
