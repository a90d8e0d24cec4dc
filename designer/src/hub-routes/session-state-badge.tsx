import { Badge, type MantineColor } from '@mantine/core';
import { SESSION_STATE_LABELS, type SessionState } from '../../../domain/routes/route-session.ts';

const COLORS: Record<SessionState, MantineColor> = { open: 'blue', started: 'violet', picked_up: 'grape', in_transit: 'orange', completed: 'green', cancelled: 'dark' };

export function SessionStateBadge({ state }: { state: SessionState }) {
  return (
    <Badge color={COLORS[state]} variant="light" data-session-state={state}>
      {SESSION_STATE_LABELS[state]}
    </Badge>
  );
}
