import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import type { TestCaseView } from '../../../../domain/ruleset-testing.ts';
import { runTestCases, type TestCaseResult } from '../../api/ruleset-testing-client.ts';
import { LoadError } from '../../api/load-error.tsx';
import type { Resource } from '../../api/use-resource.ts';
import type { PaintedPath } from '../use-painted-path.ts';
import { TestCaseRow } from './test-case-row.tsx';

interface StoredTestCasesProps {
  dp: DecisionPointId;
  definition: RulesetDefinition;
  mayEdit: boolean;
  path: PaintedPath;
  cases: Resource<TestCaseView[]>;
}

interface CasesRun {
  id: number;
  definition: RulesetDefinition;
  results: ReadonlyMap<string, TestCaseResult>;
}

/** The ruleset's stored cases, run together against the canvas: does the draft still decide what they expect? */
export function StoredTestCases({ dp, definition, mayEdit, path, cases }: StoredTestCasesProps) {
  const [run, setRun] = useState<CasesRun | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = cases.data ?? [];
  const judged = run ? [...run.results.values()].filter((r) => r.passed !== null) : [];

  const runAll = async () => {
    setPending(true);
    setError(null);
    try {
      const results = await runTestCases(dp, definition);
      setRun({ id: (run?.id ?? 0) + 1, definition, results: new Map(results.map((r) => [r.testCase.id, r])) });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="test-cases">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={700} size="sm">
            Stored test cases
          </Text>
          {cases.loading && <Loader size="xs" />}
        </Group>
        <Button size="xs" variant="light" data-testid="test-cases-run" loading={pending} disabled={list.length === 0} onClick={() => void runAll()}>
          Run all test cases
        </Button>
      </Group>
      {cases.error && <LoadError title="The test cases could not be loaded" error={cases.error} onRetry={cases.reload} />}
      {error && (
        <Alert color="red" p="xs" data-testid="test-cases-error">
          {error}
        </Alert>
      )}
      {cases.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="test-cases-empty">
          No test cases yet — run the draft, then save it as a case.
        </Text>
      )}
      {run && judged.length > 0 && (
        <Text size="sm" data-testid="test-cases-summary" data-failed={judged.filter((r) => !r.passed).length}>
          {judged.filter((r) => r.passed).length} of {judged.length} cases decide what they expect.
        </Text>
      )}
      {list.map((testCase) => {
        const result = run?.results.get(testCase.id);
        const key = `case:${run?.id}:${testCase.id}`;
        return (
          <TestCaseRow
            key={testCase.id}
            dp={dp}
            testCase={testCase}
            result={result}
            mayEdit={mayEdit}
            shown={path.shown?.key === key}
            onShow={() => run && result && path.show({ key, label: `Test case “${testCase.name}”`, definition: run.definition, rules: result.rules })}
            onDeleted={cases.reload}
          />
        );
      })}
    </Stack>
  );
}
