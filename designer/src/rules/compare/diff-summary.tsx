import { Badge, Group, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import type { RuleField, RulesetDiff } from '../../../../rules/ruleset-diff.ts';
import { ruleValueChanges } from '../../../../rules/rule-values.ts';
import { DIFF_COLORS } from '../nodes/node-marks.ts';

const FIELD_NAMES: Record<RuleField, string> = { description: 'description', priority: 'priority', conditions: 'conditions', event: 'outcome' };
const RULESET_FIELDS = { name: 'name', description: 'description', hitPolicy: 'hit policy', rankBy: 'rank by' } as const;

interface DiffSummaryProps {
  diff: RulesetDiff;
  older: RulesetDefinition;
  newer: RulesetDefinition;
  /** Shows the rule's node on the canvas. */
  onFocus: (rule: string) => void;
}

/** The differences as a list, rule by rule; clicking one shows its rule on the canvas. */
/** A changed rule's values, old beside new. */
function ValueChanges({ older, newer, rule }: { older: RulesetDefinition; newer: RulesetDefinition; rule: string }) {
  const [before, after] = [older.rules.find((r) => r.name === rule), newer.rules.find((r) => r.name === rule)];
  if (!before || !after) return null;
  return (
    <Table data-testid="diff-values" data-rule={rule} withTableBorder verticalSpacing={2} horizontalSpacing={6} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Value</Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ruleValueChanges(before, after).map((change) => (
          <Table.Tr key={change.field} data-field={change.field}>
            <Table.Th scope="row" fw={500}>
              {change.field}
            </Table.Th>
            <Table.Td data-side="before">{change.before}</Table.Td>
            <Table.Td data-side="after" fw={600}>
              {change.after}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DiffSummary({ diff, older, newer, onFocus }: DiffSummaryProps) {
  if (diff.rules.length === 0 && diff.fields.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="diff-none">
        No differences: both have the same rules.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah="55dvh" type="auto" offsetScrollbars>
      <Stack gap={6} data-testid="diff-summary">
        {diff.fields.length > 0 && (
          <Text size="sm" data-testid="diff-ruleset-fields">
            The ruleset&apos;s {diff.fields.map((f) => RULESET_FIELDS[f]).join(', ')} changed.
          </Text>
        )}
        {diff.rules.map((change) => (
          <Stack key={`${change.kind}:${change.rule}`} gap={4}>
            <UnstyledButton data-testid="diff-change" data-kind={change.kind} data-rule={change.rule} onClick={() => onFocus(change.rule)} title="Show it on the canvas">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="xs" color={DIFF_COLORS[change.kind]} style={{ flexShrink: 0 }}>
                  {change.kind}
                </Badge>
                <Text size="sm">
                  {change.rule}
                  {change.kind === 'changed' && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {change.fields.map((f) => FIELD_NAMES[f]).join(', ')}
                    </Text>
                  )}
                </Text>
              </Group>
            </UnstyledButton>
            {change.kind === 'changed' && <ValueChanges older={older} newer={newer} rule={change.rule} />}
          </Stack>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
