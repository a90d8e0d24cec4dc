import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { DecisionOutcome } from '../../../../domain/decision.ts';
import { newTestCase } from '../../../../domain/ruleset-testing.ts';
import { saveTestCase, type Facts } from '../../api/ruleset-testing-client.ts';
import { maxLengthOf } from '../../validation/limits.ts';

interface SaveTestCaseProps {
  dp: DecisionPointId;
  facts: Facts;
  /** What this run decided: from now on, what the rules are expected to decide. */
  outcome: DecisionOutcome;
  onSaved: () => void;
}

/** Keeps a run's facts with its outcome as a stored test case, to check every later draft against. */
export function SaveTestCase({ dp, facts, outcome, onSaved }: SaveTestCaseProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const save = async () => {
    if (!name.trim()) {
      setError('Name the case, e.g. “late COD order waits”.');
      return;
    }
    setPending(true);
    try {
      await saveTestCase(dp, { name: name.trim(), facts, expected: outcome });
      setName('');
      setError(undefined);
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        size="xs"
        flex={1}
        data-testid="test-case-name"
        placeholder="Name, e.g. late COD order waits"
        aria-label="Test case name"
        value={name}
        onChange={(event) => {
          setName(event.currentTarget.value);
          setError(undefined);
        }}
        error={error}
        maxLength={maxLengthOf(newTestCase.shape.name)}
      />
      <Button size="xs" variant="light" data-testid="test-case-save" loading={pending} onClick={() => void save()} title="The outcome above becomes what this case expects">
        Save as test case
      </Button>
    </Group>
  );
}
