import { Alert, Badge, Group, Kbd, Paper, ScrollArea, Text } from '@mantine/core';
import type { CanvasProblem } from '../../graph/graph-problems.ts';
import { valueKey, type TableLimits } from '../locks/table-limits.ts';
import type { RulesEditor } from '../use-rules-editor.ts';
import { ConditionFields } from './condition-fields.tsx';
import { GroupFields } from './group-fields.tsx';
import { OutcomeFields } from './outcome-fields.tsx';
import { RuleFields } from './rule-fields.tsx';
import { RulesetFields } from './ruleset-fields.tsx';

const TITLES = { rule: 'Rule', group: 'Group', condition: 'Condition', outcome: 'Outcome' } as const;

/** Edits what is selected: one node's fields, fitting its kind; with nothing selected, the ruleset's. */
interface NodeInspectorProps {
  editor: RulesEditor;
  problems: readonly CanvasProblem[];
  /** An admin locked the structure for this editor: only values change. */
  valuesOnly: boolean;
  /** What is locked and bounded, per node, and why. */
  lockNotes: ReadonlyMap<string, string[]>;
  /** The nodes whose rule keeps its shape for this editor, and why. */
  lockedNodes: ReadonlyMap<string, string>;
  /** The bounded values, as the decision table holds them. */
  limits: TableLimits;
}

export function NodeInspector({ editor, problems, valuesOnly, lockNotes, lockedNodes, limits }: NodeInspectorProps) {
  const { graph, selection } = editor;
  const dp = graph.ruleset.decisionPoint;
  const node = selection.nodes.length === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;

  const body = () => {
    if (selection.nodes.length > 1) {
      return (
        <Text size="sm">
          {selection.nodes.length} nodes selected: <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">C</Kbd> copies them, <Kbd size="xs">Delete</Kbd> removes them.
        </Text>
      );
    }
    if (!node) return <RulesetFields header={graph.ruleset} problems={problems} onChange={editor.updateHeader} locked={valuesOnly} />;
    // A node in no rule yet is locked only where the whole structure is.
    const locked = lockedNodes.get(node.id) ?? (valuesOnly ? limits.rowsLocked : null);
    switch (node.type) {
      case 'rule':
        return <RuleFields data={node.data} hitPolicy={graph.ruleset.hitPolicy} onChange={(data, field) => editor.update(node.id, 'rule', data, field)} locked={locked} />;
      case 'group':
        return <GroupFields operator={node.data.operator} onChange={(operator) => editor.update(node.id, 'group', { operator }, 'operator')} locked={locked} />;
      case 'condition':
        return <ConditionFields dp={dp} data={node.data} onChange={(data, field) => editor.update(node.id, 'condition', data, field)} locked={locked} limit={limits.values.get(valueKey(node.id))} />;
      case 'outcome':
        return <OutcomeFields dp={dp} data={node.data} onChange={(data, field) => editor.update(node.id, 'outcome', data, field)} locked={locked} limitOf={(param) => limits.values.get(valueKey(node.id, param))} />;
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="node-inspector" data-node={node?.id}>
      <Group justify="space-between" mb="xs">
        <Text fw={700} size="sm">
          {node ? TITLES[node.type] : selection.nodes.length > 1 ? 'Selection' : 'Ruleset'}
        </Text>
        {valuesOnly && (
          <Badge size="xs" variant="outline" color="gray" title="An admin locked the structure of these rules: only values change">
            values only
          </Badge>
        )}
      </Group>
      <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
        {node && lockNotes.has(node.id) && (
          <Alert color="gray" variant="light" p="xs" mb="xs" data-testid="inspector-lock-notes">
            {lockNotes.get(node.id)!.map((note) => (
              <Text key={note} size="xs">
                {note}
              </Text>
            ))}
          </Alert>
        )}
        {body()}
      </ScrollArea.Autosize>
    </Paper>
  );
}
