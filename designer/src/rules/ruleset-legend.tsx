import { Badge, Group, Paper, Text } from '@mantine/core';
import type { DecisionPointSpec, HitPolicy } from '../../../domain/decision-points.ts';
import { formatValue, humanize } from '../format/labels.ts';

/** What the decision point decides when no rule holds. */
export function fallbackText(spec: DecisionPointSpec): string {
  if (!spec.fallback) return 'nothing is decided';
  const params = Object.keys(spec.fallback.params).length > 0 ? ` (${formatValue(spec.fallback.params)})` : '';
  return `${humanize(spec.fallback.type)}${params}`;
}

function howItDecides(spec: DecisionPointSpec, hitPolicy: HitPolicy): string {
  if (hitPolicy === 'additive') {
    return "Every rule whose conditions hold adds its points to the order's effective priority score. Rules do not exclude each other; the score is the sum of all that apply. Orders are released highest score first; on a tie, the earlier due time goes first, then the earlier arrival.";
  }
  const each = hitPolicy === 'first' ? 'the first rule whose conditions hold decides' : 'every rule whose conditions hold contributes its outcome';
  return `${spec.consultedWhen} The rules are tried highest priority first, and ${each}. When no rule holds: ${fallbackText(spec)}.`;
}

/** How to read the canvas, for someone who has never seen a rules engine. */
export function RulesetLegend({ spec, hitPolicy }: { spec: DecisionPointSpec; hitPolicy: HitPolicy }) {
  return (
    <Paper withBorder p="sm" bg="blue.0">
      <Text size="sm">
        <b>How the {spec.name.toLowerCase()} decision is made:</b> {howItDecides(spec, hitPolicy)}
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
            {hitPolicy === 'additive' ? '+N points' : 'outcome'}
          </Badge>
          <Text size="xs">{hitPolicy === 'additive' ? 'added when the conditions hold' : 'decided when the conditions hold'}</Text>
        </Group>
      </Group>
    </Paper>
  );
}
