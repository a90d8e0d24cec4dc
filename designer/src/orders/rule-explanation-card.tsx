import { Badge, Group, Paper, Text } from '@mantine/core';
import type { RuleExplanation } from '../../../domain/decision.ts';
import { formatPoints } from '../format/labels.ts';
import { ConditionTree } from './condition-tree.tsx';

/** One rule's part in a decision: did it apply, what it was worth, and the condition results behind that. */
export function RuleExplanationCard({ rule }: { rule: RuleExplanation }) {
  return (
    <Paper
      withBorder
      p="sm"
      data-fired={rule.fired}
      style={{ borderLeft: `4px solid var(--mantine-color-${rule.fired ? 'green' : 'gray'}-5)` }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{rule.name}</Text>
          <Text size="xs" c="dimmed">
            {rule.description}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Badge style={{ flexShrink: 0 }} color={rule.fired ? 'green' : 'gray'} variant={rule.fired ? 'filled' : 'light'}>
            {rule.fired ? 'Applied' : 'Did not apply'}
          </Badge>
          {rule.fired && (
            <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatPoints(rule.points)}
            </Text>
          )}
        </Group>
      </Group>
      <Text size="sm" my="xs">
        {rule.sentence}
      </Text>
      <ConditionTree node={rule.conditions} />
    </Paper>
  );
}
