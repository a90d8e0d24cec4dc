import { Badge, Tooltip, type MantineColor } from '@mantine/core';
import { useStreamStatus, type StreamStatus } from '../api/order-event-stream.tsx';

const LOOK: Record<StreamStatus, { label: string; color: MantineColor; help: string }> = {
  open: { label: 'Live', color: 'green', help: 'Connected to live updates: orders refresh by themselves as they move.' },
  connecting: {
    label: 'Connecting…',
    color: 'yellow',
    help: 'Connecting to live updates. Until then, what you see may be out of date.',
  },
  closed: {
    label: 'Offline',
    color: 'red',
    help: 'Live updates are unavailable, so what you see may be out of date. Retrying every few seconds.',
  },
};

/** Tells whether what the screen shows is being kept up to date by the server's event stream. */
export function LiveIndicator() {
  const status = useStreamStatus();
  const { label, color, help } = LOOK[status];
  return (
    <Tooltip label={help} multiline w={260} withArrow>
      <Badge
        data-testid="live-indicator"
        data-connected={status === 'open'}
        data-status={status}
        variant="dot"
        color={color}
        size="lg"
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
