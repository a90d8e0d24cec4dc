import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { GeoPoint } from '../../../domain/geo.ts';

const shown = (p: GeoPoint | null) => (p ? `${p.lat}, ${p.lng}` : '');

/** "52.37, 4.89" as a point, blank as none; a message a person can fix when it is neither. */
export function parseLocation(text: string): { location: GeoPoint | null } | { error: string } {
  if (text.trim() === '') return { location: null };
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return { error: 'Latitude and longitude in degrees, comma-separated, e.g. 52.37, 4.89' };
  const [lat, lng] = parts as [number, number];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return { error: 'Latitude is between -90 and 90, longitude between -180 and 180' };
  return { location: { lat, lng } };
}

/** Where a warehouse is (the depot its trips start from): typed as "lat, lng" and saved by whoever may change it. */
export function WarehouseLocationCell(props: { warehouse: string; location: GeoPoint | null; editable: boolean; busy: boolean; onSave: (location: GeoPoint | null) => void }) {
  const [text, setText] = useState(shown(props.location));
  const parsed = parseLocation(text);
  if (!props.editable) return <>{props.location ? shown(props.location) : 'Not set'}</>;
  const changed = text.trim() !== shown(props.location);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput
        aria-label={`Where ${props.warehouse} is (latitude, longitude)`}
        placeholder="e.g. 52.37, 4.89"
        value={text}
        size="xs"
        onChange={(e) => setText(e.currentTarget.value)}
        error={'error' in parsed ? parsed.error : undefined}
        data-testid={`location-${props.warehouse}`}
      />
      <Button size="xs" variant="light" disabled={!changed || 'error' in parsed || props.busy} onClick={() => 'location' in parsed && props.onSave(parsed.location)}>
        Save
      </Button>
    </Group>
  );
}
