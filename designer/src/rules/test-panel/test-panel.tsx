import { Divider, Drawer, Stack, Text } from '@mantine/core';
import type { DecisionPointId } from '../../../../domain/decision-points.ts';
import type { RulesetDefinition } from '../../../../domain/ruleset.ts';
import { listTestCases } from '../../api/ruleset-testing-client.ts';
import { useResource } from '../../api/use-resource.ts';
import type { PaintedPath } from '../use-painted-path.ts';
import { DraftRun } from './draft-run.tsx';
import { StoredTestCases } from './stored-test-cases.tsx';

interface TestPanelProps {
  opened: boolean;
  onClose: () => void;
  dp: DecisionPointId;
  /** The rules under test: the canvas as it compiles now. */
  definition: RulesetDefinition;
  /** "Run draft", or what else the rules on the canvas are. */
  runLabel: string;
  /** Ops managers save and delete test cases; everyone may run them. */
  mayEdit: boolean;
  path: PaintedPath;
}

function TestPanelBody({ dp, definition, runLabel, mayEdit, path }: Omit<TestPanelProps, 'opened' | 'onClose'>) {
  const cases = useResource(`test-cases:${dp}`, (signal) => listTestCases(dp, signal));
  return (
    <Stack gap="md" data-testid="test-panel">
      <Text size="sm" c="dimmed">
        Runs the rules as they are on the canvas, saved or not; nothing is stored and no order changes. The path of the result you pick is painted on the canvas.
      </Text>
      <DraftRun dp={dp} definition={definition} runLabel={runLabel} mayEdit={mayEdit} path={path} onCaseSaved={cases.reload} />
      <Divider />
      <StoredTestCases dp={dp} definition={definition} mayEdit={mayEdit} path={path} cases={cases} />
    </Stack>
  );
}

/**
 * Trying the rules beside the canvas: no overlay and no focus trap, so the painted path stays in view
 * and the canvas stays usable; kept mounted, so closing it keeps the facts and results.
 */
export function TestPanel({ opened, onClose, ...body }: TestPanelProps) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={440}
      title="Test the rules"
      withOverlay={false}
      lockScroll={false}
      trapFocus={false}
      closeOnClickOutside={false}
      keepMounted
    >
      <TestPanelBody {...body} />
    </Drawer>
  );
}
