import { Group, Stack, Text } from '@mantine/core';
import { LAST_MILE_STATUSES } from '../../../domain/last-mile.ts';
import { DRIVER_HEX, STATUS_HEX, WAREHOUSE_HEX } from './map-features.ts';

const Dot = ({ colour, ring, size = 12 }: { colour: string; ring?: string; size?: number }) => (
  <span aria-hidden style={{ display: 'inline-block', flexShrink: 0, width: size, height: size, borderRadius: '50%', background: colour, border: `2px solid ${ring ?? '#ffffff'}`, boxShadow: '0 0 0 1px #adb5bd' }} />
);

/** What the map's colours and sizes mean. */
export function MapLegend() {
  return (
    <Stack gap={6} data-testid="map-legend" aria-label="Map legend" role="group">
      <Text size="sm" fw={600}>
        Orders by last-mile status
      </Text>
      {LAST_MILE_STATUSES.map((status) => (
        <Group key={status} gap={8} wrap="nowrap">
          <Dot colour={STATUS_HEX[status]} />
          <Text size="sm">{status}</Text>
        </Group>
      ))}
      <Group gap={8} wrap="nowrap">
        <Dot colour="#495057" size={18} />
        <Text size="sm">Several orders close together: the larger, the more; click to zoom in</Text>
      </Group>
      <Text size="sm" fw={600} mt="xs">
        Places and people
      </Text>
      <Group gap={8} wrap="nowrap">
        <Dot colour={WAREHOUSE_HEX} ring="#ffd43b" />
        <Text size="sm">Warehouse</Text>
      </Group>
      <Group gap={8} wrap="nowrap">
        <Dot colour={DRIVER_HEX} ring="#0b3d44" />
        <Text size="sm">Driver, where they last reported; click for their trip</Text>
      </Group>
      <Text size="sm" c="dimmed">
        Shaded areas are zones, named on the map.
      </Text>
    </Stack>
  );
}
