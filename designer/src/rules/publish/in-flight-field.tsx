import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import { IN_FLIGHT, type InFlightPolicy } from '../../../../domain/in-flight-policy.ts';

type Choice = 'redecide' | 'keep';

/** Re-decide or keep; whether re-deciding happens now or at the effective time follows the effective time chosen. */
export function useInFlight(dp: DecisionPointId) {
  const [choice, setChoice] = useState<Choice>(IN_FLIGHT[dp].redecide.offered ? 'redecide' : 'keep');
  const policy = (later: boolean): InFlightPolicy => (choice === 'keep' ? 'keep' : later ? 'redecide_at_effective' : 'redecide_now');
  return { choice, setChoice, policy };
}

/**
 * What happens to the orders waiting at this decision point. A policy that cannot apply here is not
 * offered; the field says why instead.
 */
export function InFlightField({ dp, later, inFlight }: { dp: DecisionPointId; later: boolean; inFlight: ReturnType<typeof useInFlight> }) {
  const point = IN_FLIGHT[dp];
  const redecideLabel = later ? 'Re-decide them at the effective time' : 'Re-decide them now';
  if (!point.redecide.offered || !point.keep.offered) {
    const only = point.redecide.offered ? { label: redecideLabel, does: point.redecide.does } : { label: 'They keep their decisions', does: point.keep.offered ? point.keep.does : '' };
    const why = point.redecide.offered ? (point.keep.offered ? '' : point.keep.why) : point.redecide.why;
    return (
      <Stack gap={4} data-testid="rules-in-flight" data-policy={inFlight.policy(later)}>
        <Text size="sm" fw={500}>
          Orders already waiting
        </Text>
        <Text size="sm">
          <b>{only.label}.</b> {only.does}
        </Text>
        <Text size="xs" data-testid="rules-in-flight-why">
          {point.redecide.offered ? 'Keeping their decisions' : 'Re-deciding'} does not apply here: {why}
        </Text>
      </Stack>
    );
  }
  return (
    <Radio.Group
      label="Orders already waiting"
      description={`Waiting here: ${point.waiting}.`}
      value={inFlight.choice}
      onChange={(value) => inFlight.setChoice(value === 'keep' ? 'keep' : 'redecide')}
      data-testid="rules-in-flight"
      data-policy={inFlight.policy(later)}
    >
      <Stack gap={6} mt={4}>
        <Radio value="redecide" label={redecideLabel} description={point.redecide.does} data-testid="rules-in-flight-redecide" />
        <Radio value="keep" label="Keep their decisions" description={point.keep.does} data-testid="rules-in-flight-keep" />
      </Stack>
    </Radio.Group>
  );
}
