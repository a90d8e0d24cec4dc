import { Button, Group, Kbd, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

interface DesignerToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onExport: () => void;
  onImport: () => void;
  onTest: () => void;
  /** Absent for who may not run backtests. */
  onBacktest?: () => void;
  onCompare: () => void;
  children?: ReactNode;
}

const keys = (...names: string[]) => (
  <>
    {names.map((name, i) => (
      <span key={name}>
        {i > 0 && '+'}
        <Kbd size="xs">{name}</Kbd>
      </span>
    ))}
  </>
);

export function DesignerToolbar({ canUndo, canRedo, onUndo, onRedo, onLayout, onExport, onImport, onTest, onBacktest, onCompare, children }: DesignerToolbarProps) {
  return (
    <Group justify="space-between" gap="xs">
      <Group gap="xs">
        <Tooltip label={<>Undo {keys('Ctrl', 'Z')}</>}>
          <Button size="xs" variant="default" data-testid="rules-undo" disabled={!canUndo} onClick={onUndo}>
            Undo
          </Button>
        </Tooltip>
        <Tooltip label={<>Redo {keys('Ctrl', 'Shift', 'Z')}</>}>
          <Button size="xs" variant="default" data-testid="rules-redo" disabled={!canRedo} onClick={onRedo}>
            Redo
          </Button>
        </Tooltip>
        <Tooltip label="Lay the rules out again, one block per rule">
          <Button size="xs" variant="default" data-testid="rules-layout" onClick={onLayout}>
            Tidy up
          </Button>
        </Tooltip>
        <Tooltip label="Download the rules as they compile now">
          <Button size="xs" variant="default" data-testid="rules-json-export" onClick={onExport}>
            Export JSON
          </Button>
        </Tooltip>
        <Tooltip label="See the rules as JSON, or replace them with JSON pasted or loaded from a file">
          <Button size="xs" variant="default" data-testid="rules-json-import" onClick={onImport}>
            JSON view / import…
          </Button>
        </Tooltip>
        <Tooltip label="Run the draft on facts or real orders and see the path it takes on the canvas; keep runs as test cases">
          <Button size="xs" variant="light" data-testid="rules-test" onClick={onTest}>
            Test
          </Button>
        </Tooltip>
        {onBacktest && (
          <Tooltip label="Simulate an operation with the draft, the rules in force and baselines, and compare their throughput times, lateness and load">
            <Button size="xs" variant="light" data-testid="rules-backtest" onClick={onBacktest}>
              Backtest
            </Button>
          </Tooltip>
        )}
        <Tooltip label="See what the canvas changes against a published version, or compare two versions">
          <Button size="xs" variant="default" data-testid="rules-compare" onClick={onCompare}>
            Compare…
          </Button>
        </Tooltip>
      </Group>
      {children}
    </Group>
  );
}
