import { SegmentedControl } from '@mantine/core';
import { DECISION_POINT_SPECS, DECISION_POINTS, type DecisionPointId } from '../../../domain/decision-points.ts';

/** Which decision point's rules are shown; fixed while a draft is open, so no edit is left behind unseen. */
export function DecisionPointPicker({ value, onChange, disabled }: { value: DecisionPointId; onChange: (dp: DecisionPointId) => void; disabled: boolean }) {
  return (
    <SegmentedControl
      data-testid="decision-point-select"
      data-value={value}
      value={value}
      disabled={disabled}
      onChange={(dp) => onChange(dp as DecisionPointId)}
      data={DECISION_POINTS.map((dp) => ({
        value: dp,
        label: <span data-testid={`decision-point-${dp}`}>{DECISION_POINT_SPECS[dp].name}</span>,
      }))}
    />
  );
}
