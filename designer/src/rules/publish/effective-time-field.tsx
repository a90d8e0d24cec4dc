import { Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';

/** "2026-12-24T18:00" in the viewer's zone, as a datetime-local input takes it. */
const localInputValue = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** When a publish takes effect: now, or a future instant the person picks in their own time zone. */
export function useEffectiveTime() {
  const [mode, setMode] = useState<'now' | 'later'>('now');
  const [local, setLocal] = useState(() => localInputValue(new Date(Date.now() + 3_600_000)));
  const [error, setError] = useState<string>();
  /** The instant to send (undefined for now), or null once the field says why it will not do. */
  const checked = (): string | undefined | null => {
    if (mode === 'now') return undefined;
    const at = new Date(local);
    const problem = Number.isNaN(at.getTime()) ? 'Give a date and a time.' : at.getTime() <= Date.now() ? 'That time has passed: pick a later one, or publish now.' : undefined;
    setError(problem);
    return problem ? null : at.toISOString();
  };
  return { mode, setMode, local, setLocal, error, setError, checked };
}

export function EffectiveTimeField({ effective }: { effective: ReturnType<typeof useEffectiveTime> }) {
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Takes effect"
        value={effective.mode}
        onChange={(value) => {
          effective.setMode(value === 'later' ? 'later' : 'now');
          effective.setError(undefined);
        }}
      >
        <Stack gap={6} mt={4}>
          <Radio value="now" label="Now" data-testid="rules-effective-now" />
          <Radio value="later" label="At a set time (until then, the version in force stays in force)" data-testid="rules-effective-later" />
        </Stack>
      </Radio.Group>
      {effective.mode === 'later' && (
        <TextInput
          type="datetime-local"
          data-testid="rules-effective-at"
          label="Effective time (your local time)"
          required
          value={effective.local}
          onChange={(event) => {
            effective.setLocal(event.currentTarget.value);
            effective.setError(undefined);
          }}
          error={effective.error}
        />
      )}
    </Stack>
  );
}
