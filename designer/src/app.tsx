import { Anchor, AppShell, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { viewIn, viewsFor, type AppView } from './app-views.ts';
import { useFocusMainHeading } from './common/use-focus-main-heading.ts';
import { LiveIndicator } from './live/live-indicator.tsx';
import { NoViews } from './no-views.tsx';
import { NotificationBell } from './notifications/notification-bell.tsx';
import { useLocationSearch } from './orders/orders-link.ts';
import { UserMenu } from './session/user-menu.tsx';
import { useSession } from './session/use-session.ts';

// Each screen loads on its first visit: the canvas (React Flow) and the forms' schemas are most of the
// bundle, and the first page need not wait for screens it does not show.
const loadOrdersView = () => import('./orders/orders-view.tsx');
// The Orders view is most people's first screen: its code loads while the session is checked, not after.
const firstView = new URLSearchParams(window.location.search).get('view');
if (firstView === null || firstView === 'orders') void loadOrdersView();
const OrdersView = lazy(async () => ({ default: (await loadOrdersView()).OrdersView }));
const RulesView = lazy(async () => ({ default: (await import('./rules/rules-view.tsx')).RulesView }));
const AreasView = lazy(async () => ({ default: (await import('./areas/areas-view.tsx')).AreasView }));
const DashboardView = lazy(async () => ({ default: (await import('./dashboard/dashboard-view.tsx')).DashboardView }));
const BulkView = lazy(async () => ({ default: (await import('./bulk/bulk-view.tsx')).BulkView }));
const ImportView = lazy(async () => ({ default: (await import('./import/import-view.tsx')).ImportView }));
const TripPlanningView = lazy(async () => ({ default: (await import('./trip-planning/trip-planning-view.tsx')).TripPlanningView }));
const InventoryView = lazy(async () => ({ default: (await import('./inventory/inventory-view.tsx')).InventoryView }));
const ReturnsView = lazy(async () => ({ default: (await import('./returns/returns-view.tsx')).ReturnsView }));
const SupportView = lazy(async () => ({ default: (await import('./support/support-view.tsx')).SupportView }));
const AccountsView = lazy(async () => ({ default: (await import('./accounts/accounts-view.tsx')).AccountsView }));
const ReconciliationView = lazy(async () => ({ default: (await import('./reconciliation/reconciliation-view.tsx')).ReconciliationView }));
const HubRunsView = lazy(async () => ({ default: (await import('./hub-routes/hub-runs-view.tsx')).HubRunsView }));
const DriversView = lazy(async () => ({ default: (await import('./drivers/drivers-view.tsx')).DriversView }));
const TripsView = lazy(async () => ({ default: (await import('./trips/trips-view.tsx')).TripsView }));
// MapLibre GL is the largest library of any screen: it loads with the Map tab only.
const MapView = lazy(async () => ({ default: (await import('./map/map-view.tsx')).MapView }));
const AdminView = lazy(async () => ({ default: (await import('./admin/admin-view.tsx')).AdminView }));

export function App() {
  const { user } = useSession();
  const views = viewsFor(user.roles);
  // A link (a dashboard figure's orders, a bookmark) names its screen in the URL.
  const search = useLocationSearch();
  const [chosen, setChosen] = useState<AppView | null>(() => viewIn(search, views));
  const [seen, setSeen] = useState(search);
  if (seen !== search) {
    setSeen(search);
    setChosen(viewIn(search, views) ?? chosen);
  }
  useFocusMainHeading();
  // Roles can change while the app is open (an admin edits their own): fall back to a screen still allowed.
  const view = views.find((candidate) => candidate.value === chosen)?.value ?? views[0]?.value ?? null;

  return (
    <Tabs
      value={view}
      onChange={(value) => {
        const next = views.find((candidate) => candidate.value === value)?.value ?? null;
        if (next) window.history.replaceState(null, '', `?view=${next}`);
        setChosen(next);
      }}
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
              <NotificationBell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          {view === null && <NoViews />}
          <Tabs.Panel value="orders">
            <Suspense fallback={<Loader size="sm" />}>
              <OrdersView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="inventory">
            <Suspense fallback={<Loader size="sm" />}>
              <InventoryView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="trip-planning">
            <Suspense fallback={<Loader size="sm" />}>
              <TripPlanningView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="reconciliation">
            <Suspense fallback={<Loader size="sm" />}>
              <ReconciliationView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="waybills">
            <Suspense fallback={<Loader size="sm" />}>
              <HubRunsView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="bulk">
            <Suspense fallback={<Loader size="sm" />}>
              <BulkView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="dashboard">
            <Suspense fallback={<Loader size="sm" />}>
              <DashboardView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="import">
            <Suspense fallback={<Loader size="sm" />}>
              <ImportView />
            </Suspense>
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
          <Tabs.Panel value="accounts">
            <Suspense fallback={<Loader size="sm" />}>
              <AccountsView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="returns">
            <Suspense fallback={<Loader size="sm" />}>
              <ReturnsView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="support">
            <Suspense fallback={<Loader size="sm" />}>
              <SupportView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="trips">
            <Suspense fallback={<Loader size="sm" />}>
              <TripsView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="drivers">
            <Suspense fallback={<Loader size="sm" />}>
              <DriversView />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="map">
            <Suspense fallback={<Loader size="sm" />}>
              <MapView />
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
