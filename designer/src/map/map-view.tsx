import { Alert, Anchor, Group, Loader, MultiSelect, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { LAST_MILE_STATUSES } from '../../../domain/last-mile.ts';
import { can } from '../../../domain/roles.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { listWarehouses } from '../inventory/inventory-client.ts';
import { followInApp } from '../orders/orders-link.ts';
import { readViewState, viewHref } from '../orders/table/orders-view-state.ts';
import { useSession } from '../session/use-session.ts';
import { DriverTripCard } from './driver-trip-card.tsx';
import { MapCanvas } from './map-canvas.tsx';
import { driverMonitor, getMapSettings, listZones, mapOrders, type MapFilter } from './map-client.ts';
import { driverFeatures, orderFeatures, warehouseFeatures, zoneFeatures } from './map-features.ts';
import { MapLegend } from './map-legend.tsx';

/** The orders table with the map's filters, all desks: the same orders, as a list. */
const ordersHref = (filter: MapFilter, order?: string) =>
  viewHref({ ...readViewState(''), desk: 'all', filters: { ...(filter.zone ? { zone: filter.zone } : {}), ...(filter.lastMile ? { lastMile: filter.lastMile } : {}) }, ...(order ? { order } : {}) });

/** The last mile on a map: zones, warehouses, orders by status and drivers, filtered as the orders table is. */
export function MapView() {
  const { user } = useSession();
  const [zone, setZone] = useState<string | null>(null);
  const [statuses, setStatuses] = useState<string[]>([]);
  const filter: MapFilter = { ...(zone ? { zone } : {}), ...(statuses.length ? { lastMile: statuses.join(',') } : {}) };
  const settings = useResource('map-settings', getMapSettings);
  const zones = useResource('zones', listZones);
  const orders = useResource(`map-orders:${JSON.stringify(filter)}`, (signal) => mapOrders(filter, signal));
  // The points before stay drawn while the next filter's load: the map does not blink empty.
  const [shownOrders, setShownOrders] = useState(orders.data);
  if (orders.data && orders.data !== shownOrders) setShownOrders(orders.data);
  const mayReadWarehouses = can(user.roles, 'inventory.read');
  const warehouses = useResource(`warehouses:${mayReadWarehouses}`, async (signal) => (mayReadWarehouses ? listWarehouses(signal) : []));
  const mayMonitor = can(user.roles, 'drivers.monitor');
  const drivers = useResource(`drivers:${mayMonitor}`, async (signal) => (mayMonitor ? driverMonitor(signal) : []));
  const [driverId, setDriverId] = useState<string | null>(null);
  const driver = drivers.data?.find((d) => d.driverId === driverId);

  const layers = useMemo(
    () => ({
      zones: zoneFeatures(zones.data ?? []),
      warehouses: warehouseFeatures(warehouses.data ?? []),
      orders: orderFeatures(shownOrders?.points ?? []),
      drivers: driverFeatures(drivers.data ?? []),
    }),
    [zones.data, warehouses.data, shownOrders, drivers.data],
  );
  const shown = orders.data?.points.length ?? 0;
  const matched = orders.data ? `${orders.data.matched.toLocaleString()}${orders.data.more ? '+' : ''}` : '';
  // The map frames what it first draws: it waits for every layer, so a zone loaded late is not left outside.
  const loaded = settings.data && [zones, orders, warehouses, drivers].every((r) => r.data !== undefined || r.error !== undefined);
  const error = settings.error ?? zones.error ?? orders.error ?? warehouses.error ?? drivers.error;
  const listHref = ordersHref(filter);

  return (
    <Stack gap="md">
      <Title order={2}>Map</Title>
      <Group align="flex-end" gap="md">
        <Select
          label="Zone"
          placeholder="All zones"
          clearable
          searchable
          data={(zones.data ?? []).map((z) => z.name)}
          value={zone}
          onChange={setZone}
          data-testid="map-zone"
          w={220}
        />
        <MultiSelect label="Last-mile status" placeholder={statuses.length ? undefined : 'Every status'} clearable data={[...LAST_MILE_STATUSES]} value={statuses} onChange={setStatuses} data-testid="map-last-mile" w={360} />
      </Group>
      {error && <LoadError title="Part of the map could not be loaded" error={error} onRetry={() => [settings, zones, orders, warehouses, drivers].forEach((r) => r.reload())} />}
      <Group gap="sm" aria-live="polite">
        {orders.loading && !orders.data ? (
          <Loader size="xs" />
        ) : (
          <Text size="sm" data-testid="map-count">
            {orders.data && orders.data.matched > shown ? `Showing ${shown.toLocaleString()} of ${matched} orders: narrow by zone or status to see the rest.` : `${shown.toLocaleString()} ${shown === 1 ? 'order' : 'orders'} shown.`}
          </Text>
        )}
        <Anchor
          size="sm"
          href={listHref}
          onClick={(event) => {
            event.preventDefault();
            followInApp(listHref);
          }}
          data-testid="map-as-list"
        >
          The same orders as a list
        </Anchor>
      </Group>
      {orders.data && shown === 0 && (
        <Alert color="gray" title="No orders to show">
          No last-mile order with a pickup or drop-off place matches these filters. Orders appear here once they carry a location.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
        <div style={{ gridColumn: 'span 3' }}>
          {loaded ? (
            <MapCanvas
              tiles={settings.data!.tiles}
              layers={layers}
              onOrder={(id) => followInApp(ordersHref(filter, id))}
              onDriver={setDriverId}
              label={`Map of ${layers.zones.features.length} zones, ${layers.warehouses.features.length} warehouses, ${shown} orders and ${layers.drivers.features.length} drivers`}
            />
          ) : (
            <Loader size="sm" />
          )}
        </div>
        <Stack gap="md">
          {driver && <DriverTripCard driver={driver} onClose={() => setDriverId(null)} />}
          <MapLegend />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
