import { Anchor, AppShell, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { viewsFor, type AppView } from './app-views.ts';
import { useFocusMainHeading } from './common/use-focus-main-heading.ts';
import { LiveIndicator } from './live/live-indicator.tsx';
import { NoViews } from './no-views.tsx';
import { OrdersView } from './orders/orders-view.tsx';
import { UserMenu } from './session/user-menu.tsx';
import { useSession } from './session/use-session.ts';

// The canvas (React Flow) and the forms' schemas are most of the bundle, and only these views need
// them: each loads on its first visit.
const RulesView = lazy(async () => ({ default: (await import('./rules/rules-view.tsx')).RulesView }));
const AreasView = lazy(async () => ({ default: (await import('./areas/areas-view.tsx')).AreasView }));
const AdminView = lazy(async () => ({ default: (await import('./admin/admin-view.tsx')).AdminView }));

export function App() {
  const { user } = useSession();
  const views = viewsFor(user.roles);
  const [chosen, setChosen] = useState<AppView | null>(null);
  useFocusMainHeading();
  // Roles can change while the app is open (an admin edits their own): fall back to a screen still allowed.
  const view = views.find((candidate) => candidate.value === chosen)?.value ?? views[0]?.value ?? null;

  return (
    <Tabs
      value={view}
      onChange={(value) => setChosen(views.find((candidate) => candidate.value === value)?.value ?? null)}
      keepMounted={false}
    >
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xl" wrap="nowrap">
              <Group gap={8} align="baseline" wrap="nowrap">
                <Title order={3}>Sluice</Title>
                <Text size="sm" c="dimmed" visibleFrom="md">
                  order release
                </Text>
              </Group>
              <Tabs.List>
                {views.map((tab) => (
                  <Tabs.Tab key={tab.value} value={tab.value} data-testid={`tab-${tab.value}`}>
                    {tab.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Group>
            <Group gap="lg" wrap="nowrap">
              <LiveIndicator />
              <Anchor href="/docs" target="_blank" size="sm" visibleFrom="md">
                API reference
              </Anchor>
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          {view === null && <NoViews />}
          <Tabs.Panel value="orders">
            <OrdersView />
          </Tabs.Panel>
          <Tabs.Panel value="areas">
            <Suspense fallback={<Loader size="sm" />}>
              <AreasView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="priority-rules">
            <Suspense fallback={<Loader size="sm" />}>
              <RulesView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="admin">
            <Suspense fallback={<Loader size="sm" />}>
              <AdminView />
            </Suspense>
          </Tabs.Panel>
        </AppShell.Main>
      </AppShell>
    </Tabs>
  );
}
