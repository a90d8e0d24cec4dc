import { ActionIcon, Badge, Group, Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { useCanvas } from '../canvas-context.ts';
import type { FlowNode } from './flow-nodes.ts';
import { NodeFrame } from './node-frame.tsx';
import { NodeHandle } from './node-handle.tsx';
import { describeOutcome } from './outcome-node.tsx';

export function RuleNode({ id, data, selected }: NodeProps<FlowNode<'rule'>>) {
  const { collapsed: folded, outcomes, onToggleRule } = useCanvas();
  const collapsed = folded.has(id);
  const outcome = outcomes.get(id);
  const name = data.name || 'Unnamed rule';
  return (
    <NodeFrame id={id} kind="rule" selected={selected} withBorder shadow="xs" p="xs" style={{ borderTop: '4px solid var(--mantine-color-blue-6)' }} data-collapsed={collapsed}>
      <Group justify="space-between" wrap="nowrap" gap={6}>
        <Group gap={4} wrap="nowrap" miw={0}>
          <ActionIcon
            className="nodrag"
            size="sm"
            variant="subtle"
            data-testid="rule-collapse-toggle"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} rule ${name}`}
            onClick={() => onToggleRule(id)}
          >
            {collapsed ? '▸' : '▾'}
          </ActionIcon>
          <Text fw={700} size="sm" truncate title={data.name} c={data.name ? undefined : 'dimmed'}>
            {name}
          </Text>
        </Group>
        <Badge size="sm" fz="xs" variant="light" style={{ flexShrink: 0 }} title="Evaluation order: higher runs first">
          priority {data.priority}
        </Badge>
      </Group>
      {collapsed ? (
        <Text size="sm" fw={700} mt={4} lineClamp={3} data-testid="collapsed-rule-outcome">
          Then: {outcome ? describeOutcome(outcome) : 'no outcome yet'}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" lineClamp={3} mt={4} title={data.description}>
          {data.description || 'Say what the rule is for.'}
        </Text>
      )}
      <NodeHandle type="source" />
    </NodeFrame>
  );
}
