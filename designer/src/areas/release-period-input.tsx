import { NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { ReleasePeriod } from '../../../domain/work-area.ts';

type Choice = 'continuous' | 'every' | 'at';
const choiceOf = (p: ReleasePeriod): Choice => (p.mode === 'continuous' ? 'continuous' : p.everyMinutes !== null ? 'every' : 'at');

interface ReleasePeriodInputProps {
  value: ReleasePeriod;
  onChange: (value: ReleasePeriod) => void;
  /** Whose local time the set times are in, for the description. */
  timeZone: string;
  testId: string;
  error?: string | undefined;
}

/** Continuous release, or periodic: every N minutes from local midnight, or at set local times of day. */
export function ReleasePeriodInput({ value, onChange, timeZone, testId, error }: ReleasePeriodInputProps) {
  const choice = choiceOf(value);
  const choose = (next: string) => {
    if (next === 'continuous') onChange({ mode: 'continuous', everyMinutes: null, atTimes: [] });
    else if (next === 'every') onChange({ mode: 'periodic', everyMinutes: 240, atTimes: [] });
    else onChange({ mode: 'periodic', everyMinutes: null, atTimes: ['06:00', '14:00', '22:00'] });
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={`${testId}-label`}>
        Release
      </Text>
      <SegmentedControl
        data-testid={`${testId}-mode`}
        aria-labelledby={`${testId}-label`}
        value={choice}
        onChange={choose}
        data={[
          { value: 'continuous', label: 'On every change' },
          { value: 'every', label: 'Every N minutes' },
          { value: 'at', label: 'At set times' },
        ]}
      />
      {choice === 'every' && (
        <NumberInput
          data-testid={`${testId}-every`}
          label="Every (minutes)"
          description={`Counted from midnight, ${timeZone}.`}
          min={1}
          max={10_080}
          value={value.everyMinutes ?? ''}
          onChange={(v) => onChange({ ...value, everyMinutes: typeof v === 'number' ? v : null })}
          error={error}
        />
      )}
      {choice === 'at' && (
        <TextInput
          data-testid={`${testId}-times`}
          label="At (HH:MM, comma separated)"
          description={`Local times, ${timeZone}; e.g. once per shift.`}
          value={value.atTimes.join(', ')}
          onChange={(event) => onChange({ ...value, atTimes: event.currentTarget.value.split(',').map((t) => t.trim()).filter(Boolean) })}
          error={error}
        />
      )}
      {choice !== 'continuous' && (
        <Text size="xs" c="dimmed">
          Changes wait for the period; cycles run only then.
        </Text>
      )}
    </Stack>
  );
}
