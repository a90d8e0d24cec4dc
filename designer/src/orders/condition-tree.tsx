import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { ConditionLeaf, ConditionNode } from '../../../domain/decision.ts';
import { formatValue, operatorLabel } from '../format/labels.ts';

const GROUP_LABELS = {
  all: 'ALL of these must hold',
  any: 'ANY of these must hold',
  not: 'NOT: this must not hold',
} as const;

function ResultMark({ result }: { result: boolean }) {
  return (
    <Badge size="sm" variant="light" color={result ? 'green' : 'red'} data-result={result}>
      {result ? '✓ true' : '✗ false'}
    </Badge>
  );
}

/** "fact operator expected · actual value → result"; a missing fact says so, and counts as false. */
function LeafRow({ leaf }: { leaf: ConditionLeaf }) {
  return (
    <Group gap={6} wrap="wrap" data-testid="condition-leaf">
      <Code>{leaf.fact}</Code>
      <Text size="sm">{operatorLabel(leaf.operator)}</Text>
      <Code>{formatValue(leaf.expected)}</Code>
      <Text size="sm" c="dimmed">
        · actual
      </Text>
      {leaf.missing ? (
        <Badge size="sm" color="yellow" variant="light">
          missing
        </Badge>
      ) : (
        <Code fw={700}>{formatValue(leaf.actual)}</Code>
      )}
      <ResultMark result={leaf.missing ? false : leaf.result} />
    </Group>
  );
}

export function ConditionTree({ node }: { node: ConditionNode }) {
  if (node.kind === 'condition') return <LeafRow leaf={node} />;
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Text size="xs" fw={700} c="dimmed">
          {GROUP_LABELS[node.kind]}
        </Text>
        <ResultMark result={node.result} />
      </Group>
      <Stack gap={6} pl="sm" ml={4} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
        {node.children.map((child, index) => (
          <ConditionTree key={index} node={child} />
        ))}
      </Stack>
    </Stack>
  );
}
