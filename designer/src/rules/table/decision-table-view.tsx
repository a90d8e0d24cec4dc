import { Alert, Badge, Button, Group, NativeSelect, NumberInput, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { DECISION_POINT_SPECS, type DecisionPointId } from '../../../../domain/decision-points.ts';
import { formatValue, humanize } from '../../format/labels.ts';
import { addCell, addRuleRow, clearCell, editCell, editOutcomeParam, editOutcomeType, editRule, graphToTable, removeRuleRow } from '../../graph/decision-table.ts';
import { outcomeSpec, paramFields, type ParamField } from '../../graph/outcome-params.ts';
import type { RulesGraph } from '../../graph/rules-graph-model.ts';
import { NO_TABLE_LIMITS, valueKey, type TableLimits } from '../locks/table-limits.ts';
import { boundProps } from './bound-props.ts';
import { ConditionCell } from './condition-cell.tsx';

interface DecisionTableViewProps {
  dp: DecisionPointId;
  graph: RulesGraph;
  /** Every edit is a graph edit: `key` makes typing in one field one undo step. Without it the table is read-only. */
  onEdit?: (next: RulesGraph, key: string | null) => void;
  /** To the canvas, on a rule whose conditions the table cannot show. */
  onShowOnCanvas: (ruleId: string) => void;
  height: string;
  /** The admin's locks as they hold this editor: rows that keep their shape, bounded values. */
  limits?: TableLimits;
}

/** The rules as a decision table: a row per rule, a column per fact its conditions test, the outcome's parameters. */
export function DecisionTableView({ onEdit, ...props }: DecisionTableViewProps) {
  return onEdit ? <EditableTable {...props} onEdit={onEdit} /> : <ReadOnlyTable {...props} />;
}

function EditableTable({ dp, graph, onEdit, onShowOnCanvas, height, limits = NO_TABLE_LIMITS }: DecisionTableViewProps & { onEdit: NonNullable<DecisionTableViewProps['onEdit']> }) {
  const table = useMemo(() => graphToTable(graph), [graph]);
  const facts = DECISION_POINT_SPECS[dp].facts;
  // Every parameter any row's outcome takes, each once, in the order they first appear.
  const params = useMemo(() => {
    const fields = new Map<string, ParamField>();
    for (const row of table.rows) {
      const spec = row.outcome ? outcomeSpec(dp, row.outcome.data.type) : undefined;
      for (const field of spec ? paramFields(spec) : []) if (!fields.has(field.name)) fields.set(field.name, field);
    }
    return [...fields.values()];
  }, [dp, table]);
  const other = table.rows.some((r) => r.other !== null);
  const outcomes = DECISION_POINT_SPECS[dp].outcomes.map((o) => ({ value: o.type, label: humanize(o.type) }));
  const lockNote = limits.rowsLocked ?? (limits.lockedRows.size > 0 ? 'An admin locked the structure of the rules marked “locked”: their facts, operators, outcome, name and priority stay; their values change, within their bounds.' : null);

  return (
    <Stack gap="xs" h={height} mih={460} data-testid="decision-table">
      {lockNote && (
        <Alert color="gray" variant="light" p="xs" data-testid="table-lock-note">
          <Text size="sm">{lockNote} Greyed cells keep their shape; a bounded value shows its bound under it.</Text>
        </Alert>
      )}
      <ScrollArea style={{ flex: 1, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}>
        <Table striped withColumnBorders stickyHeader verticalSpacing={4} fz="sm">
          <Table.Caption>
            One row per rule, highest priority first where the hit policy is first match. A cell is the rule&apos;s condition on that fact; an empty cell: any value.
          </Table.Caption>
          <TableHead facts={table.facts} other={other} params={params.map((p) => p.name)} removable />
          <Table.Tbody>
            {table.rows.map((row) => {
              const name = row.name || 'Unnamed rule';
              const outcome = row.outcome;
              const spec = outcome ? outcomeSpec(dp, outcome.data.type) : undefined;
              const fields = spec ? paramFields(spec) : [];
              const locked = limits.lockedRows.get(row.ruleId) ?? null;
              // A disabled field shows why on hover; the note above says it for everyone.
              const shape = locked ? { disabled: true, title: locked } : {};
              return (
                <Table.Tr key={row.ruleId} data-testid="table-row" data-rule={row.name} data-locked={locked !== null || undefined}>
                  <Table.Td>
                    <NumberInput
                      {...shape}
                      size="xs"
                      w={64}
                      hideControls
                      aria-label={`Priority of ${name}`}
                      data-testid="table-rule-priority"
                      value={row.priority}
                      onChange={(value) => typeof value === 'number' && onEdit(editRule(graph, row.ruleId, { priority: value }), `${row.ruleId}:priority`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      {...shape}
                      size="xs"
                      miw={180}
                      aria-label={`Name of rule ${name}`}
                      data-testid="table-rule-name"
                      value={row.name}
                      onChange={(e) => onEdit(editRule(graph, row.ruleId, { name: e.currentTarget.value }), `${row.ruleId}:name`)}
                    />
                    {locked && (
                      <Badge size="xs" mt={4} variant="outline" color="dark" title={locked} data-testid="table-row-locked">
                        locked
                      </Badge>
                    )}
                    <TextInput
                      size="xs"
                      mt={4}
                      aria-label={`What ${name} is for`}
                      placeholder="Say what the rule is for."
                      value={row.description}
                      onChange={(e) => onEdit(editRule(graph, row.ruleId, { description: e.currentTarget.value }), `${row.ruleId}:description`)}
                    />
                  </Table.Td>
                  {table.facts.map((fact) => {
                    const cell = row.cells.get(fact);
                    const spec = facts.find((f) => f.name === fact);
                    return (
                      <Table.Td key={fact}>
                        {cell ? (
                          <ConditionCell
                            rule={name}
                            spec={spec}
                            cell={cell}
                            locked={locked}
                            limit={limits.values.get(valueKey(cell.nodeId))}
                            onChange={(change, field) => onEdit(editCell(graph, cell.nodeId, change), `${cell.nodeId}:${field}`)}
                            onClear={() => onEdit(clearCell(graph, cell.nodeId), null)}
                          />
                        ) : row.groupId !== null && spec && !locked ? (
                          <Button size="compact-xs" variant="subtle" aria-label={`any: add a condition on ${fact} to ${name}`} onClick={() => onEdit(addCell(graph, row.groupId!, fact).graph, null)}>
                            any
                          </Button>
                        ) : (
                          <Text size="sm">any</Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  {other && (
                    <Table.Td>
                      {row.other !== null && (
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm" ff="monospace" data-testid="table-other-conditions">
                            {row.other}
                          </Text>
                          <Button size="compact-xs" variant="light" onClick={() => onShowOnCanvas(row.ruleId)} aria-label={`Edit the conditions of ${name} on the canvas`}>
                            On the canvas
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    {outcome ? (
                      <NativeSelect
                        {...shape}
                        size="xs"
                        miw={130}
                        aria-label={`Outcome of ${name}`}
                        data-testid="table-outcome-type"
                        data={spec ? outcomes : [{ value: outcome.data.type, label: outcome.data.type }, ...outcomes]}
                        value={outcome.data.type}
                        onChange={(e) => onEdit(editOutcomeType(graph, outcome.nodeId, e.currentTarget.value), null)}
                      />
                    ) : (
                      <Text size="sm">none: link one on the canvas</Text>
                    )}
                  </Table.Td>
                  {params.map((p) => {
                    const field = fields.find((f) => f.name === p.name);
                    const value = outcome?.data.params[p.name];
                    const label = `${humanize(p.name)} of ${name}`;
                    const set = (next: unknown) => outcome && onEdit(editOutcomeParam(graph, outcome.nodeId, p.name, next), `${outcome.nodeId}:${p.name}`);
                    const limit = outcome ? limits.values.get(valueKey(outcome.nodeId, p.name)) : undefined;
                    return (
                      <Table.Td key={p.name}>
                        {field?.kind === 'number' ? (
                          <NumberInput size="xs" w={limit ? 130 : 80} hideControls aria-label={label} data-testid={`table-param-${p.name}`} value={typeof value === 'number' ? value : ''} onChange={set} {...boundProps(limit)} />
                        ) : field?.kind === 'enum' ? (
                          <NativeSelect size="xs" miw={120} aria-label={label} data-testid={`table-param-${p.name}`} data={field.options} value={String(value)} onChange={(e) => set(e.currentTarget.value)} />
                        ) : field ? (
                          <TextInput size="xs" miw={160} aria-label={label} data-testid={`table-param-${p.name}`} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.currentTarget.value)} />
                        ) : null}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Button {...shape} size="compact-xs" variant="subtle" color="red" aria-label={`Remove rule ${name}`} data-testid="table-remove-rule" onClick={() => onEdit(removeRuleRow(graph, row.ruleId), null)}>
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {limits.rowsLocked === null && (
        <Group>
          <Button size="xs" variant="light" data-testid="table-add-rule" onClick={() => onEdit(addRuleRow(graph).graph, null)}>
            Add a rule
          </Button>
          <Text size="xs">A new rule needs a description and at least one condition: the problems list says what is missing.</Text>
        </Group>
      )}
    </Stack>
  );
}

/** The version in force as a table, for reading: the same rows and columns, as text. */
function ReadOnlyTable({ dp, graph, onShowOnCanvas, height }: Omit<DecisionTableViewProps, 'onEdit'>) {
  const table = useMemo(() => graphToTable(graph), [graph]);
  const params = [...new Set(table.rows.flatMap((r) => Object.keys(r.outcome?.data.params ?? {})))];
  const other = table.rows.some((r) => r.other !== null);
  return (
    <ScrollArea
      h={height}
      mih={460}
      data-testid="decision-table"
      data-readonly
      // Nothing in it takes focus: the region itself does, so the keyboard can scroll a wide table.
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'The rules as a table' }}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Table striped withColumnBorders stickyHeader fz="sm">
        <Table.Caption>One row per rule of the {DECISION_POINT_SPECS[dp].name.toLowerCase()} rules; an empty cell: any value.</Table.Caption>
        <TableHead facts={table.facts} other={other} params={params} />
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.ruleId} data-testid="table-row" data-rule={row.name}>
              <Table.Td>{row.priority}</Table.Td>
              <Table.Td fw={600}>{row.name}</Table.Td>
              {table.facts.map((fact) => (
                <Table.Td key={fact} ff="monospace">
                  {row.cells.get(fact)?.text ?? ''}
                </Table.Td>
              ))}
              {other && (
                <Table.Td>
                  {row.other !== null && (
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" ff="monospace">
                        {row.other}
                      </Text>
                      <Button size="compact-xs" variant="light" onClick={() => onShowOnCanvas(row.ruleId)} aria-label={`See the conditions of ${row.name} on the canvas`}>
                        On the canvas
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              )}
              <Table.Td>{row.outcome ? humanize(row.outcome.data.type) : ''}</Table.Td>
              {params.map((p) => (
                <Table.Td key={p}>{row.outcome && p in row.outcome.data.params ? formatValue(row.outcome.data.params[p]) : ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** The header row both tables share: priority, rule, a column per fact, other conditions, outcome, its parameters. */
function TableHead({ facts, other, params, removable = false }: { facts: readonly string[]; other: boolean; params: readonly string[]; removable?: boolean }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Priority</Table.Th>
        <Table.Th>Rule</Table.Th>
        {facts.map((fact) => (
          <Table.Th key={fact} ff="monospace">
            {fact}
          </Table.Th>
        ))}
        {other && <Table.Th>Other conditions</Table.Th>}
        <Table.Th>Outcome</Table.Th>
        {params.map((p) => (
          <Table.Th key={p}>{humanize(p)}</Table.Th>
        ))}
        {removable && (
          <Table.Th>
            <Text span size="sm" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              Remove
            </Text>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
