import { Badge, type MantineColor } from '@mantine/core';
import { TRIP_STATE_LABELS, type TripState } from '../../../domain/trips/trip.ts';

const COLORS: Record<TripState, MantineColor> = { planned: 'blue', dispatched: 'violet', in_progress: 'orange', completed: 'green', cancelled: 'dark' };

export function TripStateBadge({ state }: { state: TripState }) {
  return (
    <Badge color={COLORS[state]} variant="light" data-trip-state={state}>
      {TRIP_STATE_LABELS[state]}
    </Badge>
  );
}
