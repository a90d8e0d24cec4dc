import { Alert, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DECISION_POINT_SPECS, type DecisionPointId } from '../../../../domain/decision-points.ts';
import type { OrderListItem } from '../../../../domain/order.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { testRules, type TestRunResult } from '../../api/ruleset-testing-client.ts';
import type { PaintedPath } from '../use-painted-path.ts';
import { FactsEditor } from './facts-editor.tsx';
import { exampleFacts, parseFacts } from './facts-document.ts';
import { OrderPicker, orderLabel } from './order-picker.tsx';
import { PathChoice } from './path-choice.tsx';
import { SaveTestCase } from './save-test-case.tsx';

interface DraftRunProps {
  dp: DecisionPointId;
  definition: RulesetDefinition;
  runLabel: string;
  mayEdit: boolean;
  path: PaintedPath;
  onCaseSaved: () => void;
}

interface Run {
  id: number;
  definition: RulesetDefinition;
  results: TestRunResult[];
  /** Order id → how the person knows it, as it was when picked. */
  labels: ReadonlyMap<string, string>;
}

/** Runs the rules on the canvas over a facts document or real orders; each result's path can be painted. */
export function DraftRun({ dp, definition, runLabel, mayEdit, path, onCaseSaved }: DraftRunProps) {
  const spec = DECISION_POINT_SPECS[dp];
  const [source, setSource] = useState<'facts' | 'orders'>('facts');
  const [factsText, setFactsText] = useState(() => exampleFacts(spec));
  const [picked, setPicked] = useState(() => new Map<string, OrderListItem>());
  const [run, setRun] = useState<Run | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Assignment runs a real order once per candidate resource.
  const candidate = (result: TestRunResult) => (typeof result.facts.resourceId === 'string' ? ` with ${result.facts.resourceId}` : '');
  const label = (r: Run, result: TestRunResult) => (result.orderId === null ? 'Facts document' : `Order ${r.labels.get(result.orderId) ?? result.orderId}${candidate(result)}`);
  const show = (r: Run, i: number) => path.show({ key: `run:${r.id}:${i}`, label: label(r, r.results[i]!), definition: r.definition, rules: r.results[i]!.rules });

  const start = async () => {
    const facts = source === 'facts' ? parseFacts(factsText) : null;
    if (facts && 'error' in facts) return setError(facts.error);
    if (source === 'orders' && picked.size === 0) return setError('Pick at least one order first.');
    setPending(true);
    setError(null);
    try {
      const results = await testRules(dp, { definition, ...(facts ? { facts: [facts.facts] } : { orderIds: [...picked.keys()] }) });
      const next = { id: (run?.id ?? 0) + 1, definition, results, labels: new Map([...picked.values()].map((o) => [o.id, orderLabel(o)])) };
      setRun(next);
      if (results.length > 0) show(next, 0);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        data-testid="test-source"
        fullWidth
        data={[
          { value: 'facts', label: 'Facts document' },
          { value: 'orders', label: 'Real orders' },
        ]}
        value={source}
        onChange={(value) => setSource(value as 'facts' | 'orders')}
      />
      {source === 'facts' ? (
        <FactsEditor value={factsText} onChange={setFactsText} onReset={() => setFactsText(exampleFacts(spec))} />
      ) : (
        <OrderPicker picked={picked} onChange={setPicked} />
      )}
      <Button data-testid="test-run" loading={pending} onClick={() => void start()}>
        {runLabel}
      </Button>
      {error && (
        <Alert color="red" p="xs" data-testid="test-run-error">
          {error}
        </Alert>
      )}
      {run && (
        <Stack gap={6} data-testid="test-results">
          <Text size="xs" c="dimmed">
            Click a result to paint its path on the canvas.
          </Text>
          {run.results.map((result, i) => {
            const shown = path.shown?.key === `run:${run.id}:${i}`;
            return (
              <PathChoice key={i} testId={`test-result-${i}`} label={label(run, result)} outcome={result.outcome} rules={result.rules} shown={shown} onShow={() => show(run, i)}>
                {mayEdit ? (
                  <SaveTestCase key={`${run.id}:${i}`} dp={dp} facts={result.facts} outcome={result.outcome} onSaved={onCaseSaved} />
                ) : (
                  <Text size="xs" c="dimmed">
                    Only ops managers can save a run as a test case.
                  </Text>
                )}
              </PathChoice>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
