import { List, Text } from '@mantine/core';
import type { RuleExplanation } from '../../../../domain/decision.ts';

/** Why each rule did or did not apply: those that applied first, then the others in the ruleset's order. */
export function RuleSentences({ rules }: { rules: readonly RuleExplanation[] }) {
  const sorted = [...rules].sort((a, b) => Number(b.applied) - Number(a.applied));
  if (rules.length === 0) return null;
  return (
    <List size="xs" spacing={2} data-testid="test-rule-sentences">
      {sorted.map((rule) => (
        <List.Item key={rule.name} data-testid="test-rule-sentence" data-applied={rule.applied} data-fired={rule.fired}>
          <Text size="xs" fw={rule.applied ? 700 : undefined} c={rule.fired ? undefined : 'dimmed'}>
            {rule.sentence}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
