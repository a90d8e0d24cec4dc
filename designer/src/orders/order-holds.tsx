import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Hold } from '../../../domain/order.ts';
import { humanize } from '../format/labels.ts';
import { actorName } from '../format/timeline-text.ts';

/** Each hold with who placed it and why: the type says who may release it. */
export function OrderHolds({ holds }: { holds: Hold[] }) {
  return (
    <Stack gap={4} data-testid="order-holds">
      {holds.map((hold) => (
        <Group key={hold.type} gap="xs" wrap="nowrap" align="baseline" data-testid={`hold-${hold.type}`}>
          <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
            {humanize(hold.type)}
          </Badge>
          <Text size="sm">
            {hold.reason}{' '}
            <Text span size="xs" c="dimmed">
              placed by {actorName(hold.placedBy)}
            </Text>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
