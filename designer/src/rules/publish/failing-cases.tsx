import { Alert, Checkbox, Group, List, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import { publishRulesetRequest, type RulesetDefinition } from '../../../../domain/ruleset.ts';
import { summarizeOutcome } from '../../../../rules/outcome-summary.ts';
import { runTestCases } from '../../api/ruleset-testing-client.ts';
import { useResource } from '../../api/use-resource.ts';
import { plural } from '../../format/labels.ts';
import { maxLengthOf } from '../../validation/limits.ts';

const overrideReason = publishRulesetRequest.shape.override.unwrap().shape.reason;

/** Whether to publish over failing cases, and why; the reason is checked as the API checks it. */
export function useOverride() {
  const [on, setOn] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  /** The override to send (undefined when none is asked for), or null once the field says why it will not do. */
  const checked = (): { reason: string } | undefined | null => {
    if (!on) return undefined;
    const parsed = overrideReason.safeParse(reason);
    setError(parsed.success ? undefined : 'Say why these rules may be published although test cases fail.');
    return parsed.success ? { reason: parsed.data } : null;
  };
  return { on, setOn, reason, setReason, error, setError, checked };
}

type Override = ReturnType<typeof useOverride>;

/**
 * The stored cases the draft fails, each with what it expected and what it gets now. The API refuses to
 * publish over them unless the person overrides with a reason, so the dialog asks for it here.
 */
export function FailingCases({ dp, definition, override }: { dp: DecisionPointId; definition: RulesetDefinition; override: Override }) {
  const key = useMemo(() => `cases:${dp}:${JSON.stringify(definition)}`, [dp, definition]);
  const run = useResource(key, async (signal) => {
    const results = await runTestCases(dp, definition, signal);
    return { total: results.length, failing: results.filter((r) => r.passed === false) };
  });
  if (run.error) {
    return (
      <Alert color="orange" p="xs" title="The stored test cases could not be run" data-testid="rules-cases-error">
        {run.error.message} Publishing checks them again.
      </Alert>
    );
  }
  if (!run.data) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-label="Running the stored test cases" />
        <Text size="sm">Running the stored test cases…</Text>
      </Group>
    );
  }
  const { total, failing } = run.data;
  if (failing.length === 0) {
    return (
      <Text size="sm" data-testid="rules-cases-passing">
        {total === 0 ? 'There are no stored test cases for these rules.' : `All ${plural(total, 'stored test case', 'stored test cases')} pass.`}
      </Text>
    );
  }
  return (
    <Alert color="red" title={`${failing.length} of ${plural(total, 'stored test case', 'stored test cases')} fail under this draft`} data-testid="rules-cases-failing" data-failing={failing.length}>
      <Stack gap="xs">
        <List size="sm" spacing={2}>
          {failing.map((r) => (
            <List.Item key={r.testCase.id} data-testid="rules-failing-case">
              <b>{r.testCase.name}</b>: expected {summarizeOutcome(r.testCase.expected)}, gets {summarizeOutcome(r.outcome)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">Fix the rules or the cases before publishing, or publish anyway and say why.</Text>
        <Checkbox
          data-testid="rules-override"
          label="Publish although these cases fail"
          checked={override.on}
          onChange={(event) => {
            override.setOn(event.currentTarget.checked);
            override.setError(undefined);
          }}
        />
        {override.on && (
          <Textarea
            data-testid="rules-override-reason"
            label="Why these rules may be published anyway"
            description="Kept in the audit log with the publish, with the names of the failing cases."
            required
            autosize
            minRows={2}
            maxLength={maxLengthOf(overrideReason)}
            value={override.reason}
            onChange={(event) => {
              override.setReason(event.currentTarget.value);
              override.setError(undefined);
            }}
            error={override.error}
          />
        )}
      </Stack>
    </Alert>
  );
}
