import { Badge, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RulesetDefinition } from '../../../domain/ruleset.ts';
import { humanize, plural } from '../format/labels.ts';
import type { CanvasProblem } from '../graph/graph-problems.ts';
import type { GraphNode } from '../graph/rules-graph-model.ts';
import { describeIssuePath } from './draft-check.ts';

function nodeLabel(node: GraphNode): string {
  switch (node.type) {
    case 'rule':
      return `rule "${node.data.name}"`;
    case 'group':
      return `${node.data.operator.toUpperCase()} group`;
    case 'condition':
      return `condition on ${node.data.fact}`;
    case 'outcome':
      return `outcome ${humanize(node.data.type)}`;
  }
}

interface ProblemsPanelProps {
  problems: readonly CanvasProblem[];
  nodes: readonly GraphNode[];
  definition: RulesetDefinition;
  onFocus: (nodeId: string) => void;
}

/** Every problem, errors first; clicking one shows its node on the canvas. */
export function ProblemsPanel({ problems, nodes, definition, onFocus }: ProblemsPanelProps) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <Paper withBorder p="sm" data-testid="problems-panel" data-errors={errors} data-warnings={problems.length - errors}>
      <Group justify="space-between" mb="xs">
        <Text fw={700} size="sm">
          Problems
        </Text>
        <Group gap={4}>
          <Badge size="sm" color={errors > 0 ? 'red' : 'green'} variant="light">
            {plural(errors, 'error', 'errors')}
          </Badge>
          {problems.length > errors && (
            <Badge size="sm" color="yellow" variant="light">
              {plural(problems.length - errors, 'warning', 'warnings')}
            </Badge>
          )}
        </Group>
      </Group>
      {problems.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="problems-none">
          No problems: this draft can be published.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
          <Stack gap={4}>
            {sorted.map((problem, i) => {
              const node = problem.nodeId === null ? undefined : byId.get(problem.nodeId);
              const where = problem.path !== null ? describeIssuePath(problem.path, definition) : node ? nodeLabel(node) : 'the ruleset';
              return (
                <UnstyledButton
                  key={`${i}-${problem.nodeId}-${problem.message}`}
                  data-testid={`problem-${i}`}
                  data-node={problem.nodeId ?? undefined}
                  data-severity={problem.severity}
                  disabled={!node}
                  onClick={() => node && onFocus(node.id)}
                  p={6}
                  style={{ borderRadius: 'var(--mantine-radius-sm)', borderLeft: `3px solid var(--mantine-color-${problem.severity === 'error' ? 'red' : 'yellow'}-6)` }}
                  title={node ? 'Show it on the canvas' : undefined}
                >
                  <Text size="sm">{problem.message}</Text>
                  <Text size="xs" c="dimmed">
                    {where}
                  </Text>
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
