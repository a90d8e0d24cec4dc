import { Badge, Group, Paper, Stack, Text, UnstyledButton, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DecisionOutcome, RuleExplanation } from '../../../../domain/decision.ts';
import { summarizeOutcome } from '../../../../rules/outcome-summary.ts';
import { RuleSentences } from './rule-sentences.tsx';

interface PathChoiceProps {
  testId: string;
  label: string;
  outcome: DecisionOutcome;
  rules: readonly RuleExplanation[];
  /** Its path is the one painted on the canvas; it then shows why each rule did or did not apply. */
  shown: boolean;
  onShow: () => void;
  status?: { label: string; color: MantineColor };
  children?: ReactNode;
  attributes?: Record<string, string>;
}

/** One run's result in a list: what was decided, and a click paints its path on the canvas. */
export function PathChoice({ testId, label, outcome, rules, shown, onShow, status, children, attributes }: PathChoiceProps) {
  return (
    <Paper withBorder p={6} data-testid={testId} data-shown={shown} {...attributes} style={shown ? { boxShadow: '0 0 0 2px var(--mantine-color-blue-5)' } : undefined}>
      <UnstyledButton w="100%" onClick={onShow} title="Paint its path on the canvas">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} truncate>
            {label}
          </Text>
          {status && (
            <Badge size="sm" color={status.color} variant="light" style={{ flexShrink: 0 }}>
              {status.label}
            </Badge>
          )}
        </Group>
        <Text size="sm" data-testid="test-outcome">
          Outcome: <b>{summarizeOutcome(outcome)}</b>
        </Text>
        {outcome.rank && (
          <Text size="xs" data-testid="test-rank">
            {outcome.rank.sentence}
          </Text>
        )}
      </UnstyledButton>
      {shown && (
        <Stack gap={6} mt={6}>
          {children}
          <RuleSentences rules={rules} />
        </Stack>
      )}
    </Paper>
  );
}
