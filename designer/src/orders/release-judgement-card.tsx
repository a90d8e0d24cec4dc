import { Accordion, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { OrderState } from '../../../domain/order.ts';
import type { ReleaseJudgement } from '../../../domain/release-judgement.ts';
import { formatDateTime } from '../format/time.ts';
import { describeJudgement } from './release-judgement.ts';
import { RuleExplanationCard } from './rule-explanation-card.tsx';

/** What the latest release cycle made of the order: why it waits (or went), and the score that ranked it. */
export function ReleaseJudgementCard({ judgement, state, areaName }: { judgement: ReleaseJudgement; state: OrderState; areaName: string }) {
  const { heading, why, score, stillWaits } = describeJudgement(judgement, state, areaName);
  return (
    <section data-testid="release-judgement" data-verdict={judgement.verdict}>
      <Title order={4}>{heading}</Title>
      <Paper withBorder p="sm" mt="xs" bg={stillWaits ? 'yellow.0' : 'gray.0'}>
        <Stack gap={4}>
          <Text size="sm" data-testid="release-judgement-why">
            {why}
          </Text>
          {judgement.rankedBy && (
            <Text size="sm" data-testid="release-judgement-ranked-by">
              {judgement.rankedBy}
            </Text>
          )}
          <Group gap="xs">
            <Text size="sm">Score that ranked it</Text>
            <Text size="sm" fw={700} data-testid="release-judgement-score">
              {score}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            Since the release cycle of {formatDateTime(judgement.judgedAt)}
            {judgement.releaseVersion !== null && (
              <>
                {' '}
                <Badge variant="outline" size="xs">
                  release rules version {judgement.releaseVersion}
                </Badge>
              </>
            )}
          </Text>
        </Stack>
      </Paper>
      {judgement.rules.length > 0 && (
        <Accordion variant="separated" mt="xs">
          <Accordion.Item value="release-rules">
            <Accordion.Control>What the release rules saw</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {judgement.rules.map((rule, index) => (
                  <RuleExplanationCard key={`${index}-${rule.name}`} rule={rule} />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </section>
  );
}
