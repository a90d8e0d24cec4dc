import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Decision } from '../../../domain/decision.ts';
import { formatPoints, humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { RuleExplanationCard } from './rule-explanation-card.tsx';

/** One decision: which ruleset version decided, the score, and how each rule contributed to it. */
export function DecisionExplanation({ decision }: { decision: Decision }) {
  const fired = decision.rules.filter((rule) => rule.fired);
  const sum =
    fired.length === 0 ? 'nothing added' : fired.map((rule) => `${formatPoints(rule.points)} (${rule.name})`).join(' ');
  return (
    <Stack gap="sm" data-testid={`decision-${decision.id}`}>
      <Paper withBorder p="sm" bg="gray.0">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm">
              {humanize(decision.decisionPoint)} decided by ruleset <b>{decision.rulesetName}</b>{' '}
              <Badge variant="outline" size="sm">
                version {decision.rulesetVersion}
              </Badge>
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(decision.decidedAt)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" ta="right">
              Total score
            </Text>
            <Text fw={800} size="xl" ta="right">
              {decision.outcome.score}
            </Text>
          </div>
        </Group>
        <Text size="sm" mt={4}>
          {fired.length} of {decision.rules.length} rules applied: {sum}
        </Text>
      </Paper>
      {decision.rules.map((rule, index) => (
        <RuleExplanationCard key={`${index}-${rule.name}`} rule={rule} />
      ))}
    </Stack>
  );
}
