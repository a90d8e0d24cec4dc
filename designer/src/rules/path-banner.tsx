import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { PATH_COLORS } from './nodes/node-marks.ts';
import type { PaintedPath } from './use-painted-path.ts';

const LEGEND = [
  { mark: 'true', label: 'held' },
  { mark: 'false', label: 'did not hold' },
  { mark: 'missing', label: 'fact missing' },
] as const;

/** Whose path the canvas shows and how to read it, or that an edit made it stale; and a way to clear it. */
export function PathBanner({ path }: { path: PaintedPath }) {
  if (!path.shown) return null;
  return (
    <Alert color={path.stale ? 'gray' : 'blue'} p="xs" data-testid="rules-path-banner" data-stale={path.stale}>
      <Group justify="space-between" gap="xs">
        {path.stale ? (
          <Text size="sm">The rules changed after this run, so the path of {path.shown.label} is no longer shown. Run them again to see where they go now.</Text>
        ) : (
          <Group gap="xs">
            <Text size="sm">
              Path of <b>{path.shown.label}</b>:
            </Text>
            {LEGEND.map(({ mark, label }) => (
              <Badge key={mark} size="sm" variant="light" color={PATH_COLORS[mark]} style={{ textTransform: 'none' }}>
                {label}
              </Badge>
            ))}
            <Text size="xs" c="dimmed">
              Fact values are shown under the conditions.
            </Text>
          </Group>
        )}
        <Button size="compact-xs" variant="subtle" data-testid="rules-path-clear" onClick={path.clear}>
          Clear path
        </Button>
      </Group>
    </Alert>
  );
}
