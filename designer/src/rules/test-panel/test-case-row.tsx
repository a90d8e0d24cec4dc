import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { TestCaseView } from '../../../../domain/ruleset-testing.ts';
import { summarizeOutcome } from '../../../../rules/outcome-summary.ts';
import { deleteTestCase, type TestCaseResult } from '../../api/ruleset-testing-client.ts';
import { PathChoice } from './path-choice.tsx';

interface TestCaseRowProps {
  dp: DecisionPointId;
  testCase: TestCaseView;
  /** Its result in the last run of all cases; undefined before one. */
  result: TestCaseResult | undefined;
  mayEdit: boolean;
  shown: boolean;
  onShow: () => void;
  onDeleted: () => void;
}

const STATUS = {
  passed: { label: 'passed', color: 'green' },
  failed: { label: 'failed', color: 'red' },
  none: { label: 'no expectation', color: 'gray' },
} as const;

function DeleteButton({ dp, id, onDeleted }: { dp: DecisionPointId; id: string; onDeleted: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setPending(true);
    try {
      await deleteTestCase(dp, id);
      onDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(false);
    }
  };
  return (
    <Group gap={6} justify="flex-end">
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Button size="compact-xs" variant="subtle" color="red" data-testid={`test-case-delete-${id}`} loading={pending} onClick={() => void remove()}>
        Delete
      </Button>
    </Group>
  );
}

/** A stored case: what it expects, and once run, whether the canvas still decides it; a click paints its path. */
export function TestCaseRow({ dp, testCase, result, mayEdit, shown, onShow, onDeleted }: TestCaseRowProps) {
  const expected = `Expects: ${testCase.expected ? summarizeOutcome(testCase.expected) : 'nothing in particular'}`;
  const remove = mayEdit && <DeleteButton dp={dp} id={testCase.id} onDeleted={onDeleted} />;
  if (!result) {
    return (
      <Paper withBorder p={6} data-testid={`test-case-${testCase.id}`} data-passed="not-run">
        <Text size="sm" fw={600} truncate>
          {testCase.name}
        </Text>
        <Text size="xs" c="dimmed">
          {expected} · not run yet
        </Text>
        {remove}
      </Paper>
    );
  }
  const status = result.passed === null ? 'none' : result.passed ? 'passed' : 'failed';
  return (
    <PathChoice
      testId={`test-case-${testCase.id}`}
      attributes={{ 'data-passed': status }}
      label={testCase.name}
      outcome={result.outcome}
      rules={result.rules}
      shown={shown}
      onShow={onShow}
      status={STATUS[status]}
    >
      <Text size="xs" c={status === 'failed' ? 'red' : 'dimmed'}>
        {expected}
      </Text>
      {remove}
    </PathChoice>
  );
}
