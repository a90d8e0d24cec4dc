import { Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RuleField, RulesetDiff } from '../../../../rules/ruleset-diff.ts';
import { DIFF_COLORS } from '../nodes/node-marks.ts';

const FIELD_NAMES: Record<RuleField, string> = { description: 'description', priority: 'priority', conditions: 'conditions', event: 'outcome' };
const RULESET_FIELDS = { name: 'name', description: 'description', hitPolicy: 'hit policy', rankBy: 'rank by' } as const;

interface DiffSummaryProps {
  diff: RulesetDiff;
  /** Shows the rule's node on the canvas. */
  onFocus: (rule: string) => void;
}

/** The differences as a list, rule by rule; clicking one shows its rule on the canvas. */
export function DiffSummary({ diff, onFocus }: DiffSummaryProps) {
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
          <UnstyledButton key={`${change.kind}:${change.rule}`} data-testid="diff-change" data-kind={change.kind} data-rule={change.rule} onClick={() => onFocus(change.rule)} title="Show it on the canvas">
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
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
