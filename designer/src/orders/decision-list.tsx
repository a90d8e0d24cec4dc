import { Accordion, Text } from '@mantine/core';
import type { Decision } from '../../../domain/decision.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { DecisionExplanation, describeOutcome } from './decision-explanation.tsx';

/** The latest decision of each decision point in full, priority first; earlier ones folded away below. */
export function DecisionList({ decisions }: { decisions: Decision[] }) {
  if (decisions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rules have decided on this order yet. Its priority is scored when it is accepted into the pool.
      </Text>
    );
  }
  const newestFirst = decisions.toSorted((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  const latest = newestFirst
    .filter((d, i) => newestFirst.findIndex((x) => x.decisionPoint === d.decisionPoint) === i)
    .sort((a, b) => Number(b.decisionPoint === 'priority') - Number(a.decisionPoint === 'priority'));
  const earlier = newestFirst.filter((d) => !latest.includes(d));
  return (
    <>
      {latest.map((decision) => (
        <DecisionExplanation key={decision.id} decision={decision} />
      ))}
      {earlier.length > 0 && (
        <Accordion variant="separated" mt="md">
          {earlier.map((decision) => (
            <Accordion.Item key={decision.id} value={decision.id}>
              <Accordion.Control>
                Earlier: {humanize(decision.decisionPoint)} decision of {formatDateTime(decision.decidedAt)} — {describeOutcome(decision).value}
              </Accordion.Control>
              <Accordion.Panel>
                <DecisionExplanation decision={decision} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </>
  );
}
