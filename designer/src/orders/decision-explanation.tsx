import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Decision } from '../../../domain/decision.ts';
import { formatPoints, humanize } from '../format/labels.ts';
import { describeOutcome as outcomeInWords } from '../format/outcome-text.ts';
import { formatDateTime } from '../format/time.ts';
import { RuleExplanationCard } from './rule-explanation-card.tsx';

/** What a decision came to: a score, or the outcome chosen (by which rule, or the fallback). */
export function describeOutcome(decision: Decision): { label: string; value: string } {
  const { score, chosen } = decision.outcome;
  if (score !== null) return { label: 'Total score', value: String(score) };
  if (!chosen) return { label: 'Outcome', value: 'none' };
  return { label: chosen.rule ? `Outcome (${chosen.rule})` : 'Outcome (no rule applied)', value: outcomeInWords(chosen.type, chosen.params) };
}

/** One decision: which ruleset version decided, what it came to, and how each rule contributed. */
export function DecisionExplanation({ decision }: { decision: Decision }) {
  const fired = decision.rules.filter((rule) => rule.applied);
  const sum =
    decision.outcome.score === null
      ? fired.map((rule) => rule.name).join(', ') || 'none'
      : fired.length === 0
        ? 'nothing added'
        : fired.map((rule) => `${formatPoints(rule.points)} (${rule.name})`).join(' ');
  const outcome = describeOutcome(decision);
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
              {outcome.label}
            </Text>
            <Text fw={800} size={decision.outcome.score === null ? 'md' : 'xl'} ta="right">
              {outcome.value}
            </Text>
          </div>
        </Group>
        <Text size="sm" mt={4}>
          {fired.length} of {decision.rules.length} rules applied: {sum}
        </Text>
        {decision.outcome.rank && (
          <Text size="sm" mt={4} data-testid="decision-rank">
            {decision.outcome.rank.sentence}
          </Text>
        )}
      </Paper>
      {decision.rules.map((rule, index) => (
        <RuleExplanationCard key={`${index}-${rule.name}`} rule={rule} />
      ))}
    </Stack>
  );
}
