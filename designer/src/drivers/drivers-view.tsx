import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useOrderEvents } from '../api/order-event-stream.tsx';
import { listWorkAreas } from '../api/client.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime, formatRelative } from '../format/time.ts';
import { useNow } from '../format/use-now.ts';
import { DriverDrawer } from './driver-drawer.tsx';
import { listZoneNames, readDriverMonitor, type Availability } from './drivers-client.ts';
import { MonitorTable } from './monitor-table.tsx';

/** Location pings and cash are not on the order stream: a reading this old is read again. */
const POLL_MS = 15_000;

/** The driver monitor: every driver's availability, trip progress, cash and last ping, kept fresh; a row opens the driver. */
export function DriversView() {
  const [area, setArea] = useState<string | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const now = useNow(5_000);
  const filter = { workAreaId: area ?? undefined, zone: zone ?? undefined, availability: availability ?? undefined };
  const monitor = useResource(`driver-monitor:${area ?? ''}:${zone ?? ''}:${availability ?? ''}`, (signal) => readDriverMonitor(filter, signal));
  const { reload } = monitor;
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // A stop reported or an order reassigned moves an order: the figures follow at once, not at the next poll.
  useOrderEvents(() => reload());
  const areas = useResource('driver-pools', async (signal) => (await listWorkAreas(signal)).filter((a) => a.kind === 'driver_pool'));
  const zones = useResource('driver-zones', listZoneNames);
  const rows = monitor.data?.drivers ?? [];
  // Drivers may serve zones that have no shape on the map yet: those are offered too.
  const zoneNames = [...new Set([...(zones.data ?? []), ...rows.flatMap((d) => d.zones), ...(zone ? [zone] : [])])].sort();
  const filtered = Boolean(area ?? zone ?? availability);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Drivers</Title>
        {monitor.data && (
          <Text size="sm" c="dimmed" data-testid="drivers-refreshed" title={formatDateTime(monitor.data.at)}>
            Updated {formatRelative(monitor.data.at, now)} · refreshes every {POLL_MS / 1000} s and when an order moves
          </Text>
        )}
      </Group>
      <Group align="flex-end">
        <Select
          label="Driver pool"
          placeholder="Any pool"
          clearable
          data={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={area}
          onChange={setArea}
          maw={240}
          data-testid="drivers-area"
        />
        <Select label="Zone" placeholder="Any zone" clearable searchable data={zoneNames} value={zone} onChange={setZone} maw={220} data-testid="drivers-zone" />
        <Select
          label="Availability"
          placeholder="Anyone"
          clearable
          data={[
            { value: 'available', label: 'Available' },
            { value: 'unavailable', label: 'Unavailable' },
          ]}
          value={availability}
          onChange={(v) => setAvailability(v as Availability | null)}
          maw={200}
          data-testid="drivers-availability"
        />
      </Group>
      {monitor.error && <LoadError title="The driver monitor could not be loaded" error={monitor.error} onRetry={reload} />}
      {monitor.data && rows.length === 0 && (
        <Text c="dimmed" data-testid="drivers-empty">
          {filtered
            ? 'No driver matches these filters.'
            : 'No drivers yet. A driver appears here once an ops manager adds a resource of kind "driver" to a driver pool (Work areas tab); give them a shift, vehicle and zones here, and a token for their app.'}
        </Text>
      )}
      {rows.length > 0 && <MonitorTable rows={rows} areaNames={new Map((areas.data ?? []).map((a) => [a.id, a.name]))} now={now} onOpen={setOpen} />}
      {open && <DriverDrawer driverId={open} trip={rows.find((d) => d.driverId === open)?.currentTrip ?? null} now={now} onClose={() => setOpen(null)} onChanged={reload} />}
    </Stack>
  );
}
