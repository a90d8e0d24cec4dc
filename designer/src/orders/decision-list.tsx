import { Accordion, Text } from '@mantine/core';
import type { Decision } from '../../../domain/decision.ts';
import { humanize } from '../format/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { DecisionExplanation } from './decision-explanation.tsx';

/** The latest decision in full; earlier ones (from previous release cycles) folded away below it. */
export function DecisionList({ decisions }: { decisions: Decision[] }) {
  if (decisions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rules have decided on this order yet. Its priority is scored when it is accepted into the pool.
      </Text>
    );
  }
  const [latest, ...earlier] = decisions.toSorted((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return (
    <>
      {latest && <DecisionExplanation decision={latest} />}
      {earlier.length > 0 && (
        <Accordion variant="separated" mt="md">
          {earlier.map((decision) => (
            <Accordion.Item key={decision.id} value={decision.id}>
              <Accordion.Control>
                Earlier: {humanize(decision.decisionPoint)} decision of {formatDateTime(decision.decidedAt)}, score{' '}
                {decision.outcome.score}
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
