import { Badge, Group, Paper, Text } from '@mantine/core';

/** How to read the canvas, for someone who has never seen a rules engine. */
export function RulesetLegend() {
  return (
    <Paper withBorder p="sm" bg="blue.0">
      <Text size="sm">
        <b>How the score is made:</b> every rule whose conditions hold adds its points to the order&apos;s effective
        priority score. Rules do not exclude each other; the score is the sum of all that apply. Orders are released
        highest score first; on a tie, the earlier due time goes first, then the earlier arrival.
      </Text>
      <Group gap="lg" mt="xs">
        <Group gap={6}>
          <Badge variant="light">Rule</Badge>
          <Text size="xs">its name and purpose</Text>
        </Group>
        <Group gap={6}>
          <Badge color="indigo" variant="light">
            ALL / ANY / NOT
          </Badge>
          <Text size="xs">every / at least one / none of the branches must hold</Text>
        </Group>
        <Group gap={6}>
          <Badge color="gray" variant="outline">
            fact operator value
          </Badge>
          <Text size="xs">a condition on one fact of the order</Text>
        </Group>
        <Group gap={6}>
          <Badge color="green" variant="light">
            +N points
          </Badge>
          <Text size="xs">added when the conditions hold</Text>
        </Group>
      </Group>
    </Paper>
  );
}
