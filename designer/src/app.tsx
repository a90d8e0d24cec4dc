import { Anchor, AppShell, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { Suspense, useState } from 'react';
import type { Role } from '../../domain/roles.ts';
import { firstViewOf, viewIn, viewsFor, type AppView } from './app-views.ts';
import { ScreenBoundary } from './common/screen-boundary.tsx';
import { loadedScreen, screen, type Screen } from './common/screen-loader.ts';
import { useFocusMainHeading } from './common/use-focus-main-heading.ts';
import { LiveIndicator } from './live/live-indicator.tsx';
import { NoViews } from './no-views.tsx';
import { NotificationBell } from './notifications/notification-bell.tsx';
import { primeOrdersView } from './orders/first-reads.ts';
import { useLocationSearch } from './orders/orders-link.ts';
import { OrdersView } from './orders/orders-view.tsx';
import { HydrationEnd } from './ssr/hydration-end.tsx';
import { UserMenu } from './session/user-menu.tsx';
import { useSession } from './session/use-session.ts';

// Each screen loads on its first visit: the canvas (React Flow) and the forms' schemas are most of the
// bundle, and the first page need not wait for screens it does not show. The Orders view, the first tab of
// everyone who reads orders, comes with the page: as a screen of its own it was some twenty more files
// to fetch before its first row, each a round trip on a busy machine (#17).
const SCREENS: Record<AppView, Screen<object>> = {
  orders: loadedScreen(OrdersView),
  dashboard: screen(async () => (await import('./dashboard/dashboard-view.tsx')).DashboardView),
  import: screen(async () => (await import('./import/import-view.tsx')).ImportView),
  areas: screen(async () => (await import('./areas/areas-view.tsx')).AreasView),
  'priority-rules': screen(async () => (await import('./rules/rules-view.tsx')).RulesView),
  bulk: screen(async () => (await import('./bulk/bulk-view.tsx')).BulkView),
  accounts: screen(async () => (await import('./accounts/accounts-view.tsx')).AccountsView),
  admin: screen(async () => (await import('./admin/admin-view.tsx')).AdminView),
  inventory: screen(async () => (await import('./inventory/inventory-view.tsx')).InventoryView),
  returns: screen(async () => (await import('./returns/returns-view.tsx')).ReturnsView),
  reconciliation: screen(async () => (await import('./reconciliation/reconciliation-view.tsx')).ReconciliationView),
  trips: screen(async () => (await import('./trips/trips-view.tsx')).TripsView),
  'trip-planning': screen(async () => (await import('./trip-planning/trip-planning-view.tsx')).TripPlanningView),
  waybills: screen(async () => (await import('./hub-routes/hub-runs-view.tsx')).HubRunsView),
  support: screen(async () => (await import('./support/support-view.tsx')).SupportView),
  drivers: screen(async () => (await import('./drivers/drivers-view.tsx')).DriversView),
  // MapLibre GL is the largest library of any screen: it loads with the Map tab only.
  map: screen(async () => (await import('./map/map-view.tsx')).MapView),
};
/**
 * Starts loading the first screen's code (the one the URL names, else Orders, most people's first): main.tsx
 * renders once it is there, or, for someone yet to sign in, while they do.
 */
export function loadFirstScreen(): Promise<unknown> {
  const named = new URLSearchParams(window.location.search).get('view');
  return SCREENS[named !== null && Object.hasOwn(SCREENS, named) ? (named as AppView) : 'orders'].preload();
}

/** For a person known to be signed in, starts their first screen's reads while its code loads; settles with the main one. */
export function primeFirstReads(roles: readonly Role[], options: { hydrating?: boolean } = {}): Promise<unknown> {
  const search = window.location.search;
  return firstViewOf(search, roles) === 'orders' ? primeOrdersView(search, roles, options) : Promise.resolve();
}

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
          {views.map(({ value, label }) => {
            const Screen = SCREENS[value].Component;
            return (
              <Tabs.Panel key={value} value={value}>
                <ScreenBoundary what={`The ${label} screen`}>
                  <Suspense fallback={<Loader size="sm" />}>
                    <Screen />
                    <HydrationEnd />
                  </Suspense>
                </ScreenBoundary>
              </Tabs.Panel>
            );
          })}
        </AppShell.Main>
      </AppShell>
    </Tabs>
  );
}
