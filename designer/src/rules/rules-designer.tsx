import { motionMs } from '../common/motion.ts';
import { Alert, Badge, Box, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { isSimulated } from '../../../domain/backtest.ts';
import { DECISION_POINT_SPECS, type DecisionPointId } from '../../../domain/decision-points.ts';
import type { RulesetDefinition, RulesetVersionSummary, RulesetView } from '../../../domain/ruleset.ts';
import type { EditingMode, RulesetLocks } from '../../../domain/ruleset-locks.ts';
import { checkEdit, describeRefusal } from '../../../rules/edit-check.ts';
import { openingViewport } from '../graph/canvas-view.ts';
import { graphToRuleset } from '../graph/compile-graph.ts';
import type { NewNode } from '../graph/graph-edits.ts';
import { checkGraph, type CanvasProblem } from '../graph/graph-problems.ts';
import { layoutForest } from '../graph/layout-forest.ts';
import { NODE_SIZE } from '../graph/rules-graph-model.ts';
import { useSession } from '../session/use-session.ts';
import { BacktestPanel } from './backtest/backtest-panel.tsx';
import { openInInspector, SkipToCanvas, useFocusOnShow } from './canvas-keyboard.tsx';
import { CompareModal } from './compare/compare-modal.tsx';
import classes from './designer-layout.module.css';
import { DesignerToolbar } from './designer-toolbar.tsx';
import { downloadJson } from './download-json.ts';
import { DraftActions } from './draft-actions.tsx';
import { NodeInspector } from './inspector/node-inspector.tsx';
import { JsonImportModal } from './json-import-modal.tsx';
import { openRuleset, useOpenTiming } from './open-timing.ts';
import { PathBanner } from './path-banner.tsx';
import { Palette } from './palette.tsx';
import { ProblemsPanel } from './problems-panel.tsx';
import { RankByBanner } from './rank-by-banner.tsx';
import { RulesCanvas, type CanvasEditing } from './rules-canvas.tsx';
import { DecisionTableView } from './table/decision-table-view.tsx';
import { TestPanel } from './test-panel/test-panel.tsx';
import { useDesignerKeys } from './use-designer-keys.ts';
import { usePaintedPath } from './use-painted-path.ts';
import { useRulesEditor } from './use-rules-editor.ts';
import { lockedNodes, lockMarks, touchesLocked } from './locks/lock-marks.ts';
import { tableLimits } from './locks/table-limits.ts';

export interface DesignerStart {
  definition: RulesetDefinition;
  /** What the canvas starts from, to say so. */
  source: string;
  /** The server's draft, when the canvas starts from it. */
  draft: RulesetDefinition | null;
}

interface RulesDesignerProps {
  dp: DecisionPointId;
  start: DesignerStart;
  /** The ruleset's history, to compare the canvas with. */
  versions: readonly RulesetVersionSummary[];
  onClose: () => void;
  onDraftChanged: () => void;
  onPublished: (published: RulesetView) => void;
  /** The admin's locks, how this person may edit, and what their edit is measured from. */
  limits: { locks: RulesetLocks; mode: EditingMode; base: RulesetDefinition | null };
}

const CANVAS_HEIGHT = 'calc(100dvh - 330px)';
const json = (definition: RulesetDefinition | null) => (definition ? JSON.stringify(definition) : null);

/** The editable canvas for one decision point's draft, with the palette, the inspector and live problems. */
export function RulesDesigner({ dp, start, versions, onClose, onDraftChanged, onPublished, limits }: RulesDesignerProps) {
  const spec = DECISION_POINT_SPECS[dp];
  const [opened, setOpened] = useState(() => openRuleset(start.definition));
  useOpenTiming(opened);
  const editor = useRulesEditor(() => opened.graph);
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inspectorRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(headingRef);
  const [savedJson, setSavedJson] = useState(() => json(start.draft));
  const [refused, setRefused] = useState<string | null>(null);
  const [jsonOpen, setJsonOpen] = useState(false);
  const [testing, setTesting] = useState(false);
  const [backtesting, setBacktesting] = useState(false);
  const { can } = useSession();
  const mayBacktest = can('rules.backtest') && isSimulated(dp);
  const [comparing, setComparing] = useState<{ canvas: RulesetDefinition } | null>(null);
  const [view, setView] = useState<'canvas' | 'table'>('canvas');

  // The graph just opened was compiled while it was timed; compiling it again would only repeat that.
  const compiled = useMemo(() => (editor.graph === opened.graph ? opened.compiled : graphToRuleset(editor.graph)), [editor.graph, opened]);
  const { definition } = compiled;
  const path = usePaintedPath(compiled);
  // Validating a large ruleset takes a moment; typing stays responsive and the problems follow.
  const checked = useDeferredValue(editor.graph);
  const check = useMemo(() => checkGraph(checked), [checked]);
  const problemsByNode = useMemo(() => {
    const map = new Map<string, CanvasProblem[]>();
    for (const p of check.problems) if (p.nodeId !== null) map.set(p.nodeId, [...(map.get(p.nodeId) ?? []), p]);
    return map;
  }, [check]);
  // The API refuses the same; saying so while editing spares a refused save.
  const valuesOnly = limits.mode === 'values' || limits.locks.structureLocked;
  const lockCheck = useMemo(() => (limits.base ? checkEdit(limits.locks, limits.mode, limits.base, definition) : null), [limits, definition]);
  const lockProblem = lockCheck && (lockCheck.refused.length > 0 || lockCheck.outOfBounds.length > 0) ? describeRefusal(lockCheck, dp, limits.mode, limits.locks.reason) : null;
  const errors = check.problems.filter((p) => p.severity === 'error').length + (lockProblem ? 1 : 0);
  const marks = useMemo(() => lockMarks(compiled.definition, compiled.nodeAtPath, limits.locks, limits.mode), [compiled, limits]);
  const tableLocks = useMemo(() => tableLimits(compiled, limits.locks, limits.mode, lockCheck), [compiled, limits, lockCheck]);
  const locked = useMemo(() => lockedNodes(compiled.definition, compiled.nodeAtPath, limits.locks, limits.mode), [compiled, limits]);
  const endsOf = (edgeIds: readonly string[]) => editor.graph.edges.filter((e) => edgeIds.includes(e.id)).flatMap((e) => [e.source, e.target]);

  useDesignerKeys({ undo: editor.undo, redo: editor.redo, copy: editor.copy, paste: editor.paste }, !jsonOpen && comparing === null);

  const focus = (nodeId: string) => {
    editor.setSelection({ nodes: [nodeId], edges: [] });
    void flow.fitView({ nodes: [{ id: nodeId }], duration: motionMs(300), maxZoom: 1.2, padding: 0.6 });
  };

  const add = (request: NewNode) => {
    // What is added is linked under the one node selected: not into a rule that keeps its shape.
    const lockedRule = editor.selection.nodes.length === 1 ? touchesLocked(locked, editor.selection.nodes) : null;
    if (lockedRule) return setRefused(lockedRule.replace(/\.$/, ''));
    const box = canvasRef.current?.getBoundingClientRect();
    const center = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    const size = NODE_SIZE[request.kind];
    editor.add(request, { x: center.x - size.width / 2, y: center.y - size.height / 2 });
    setRefused(null);
  };

  const editing: CanvasEditing = {
    selection: editor.selection,
    onSelectionChange: editor.setSelection,
    onMove: editor.move,
    onConnect: (source, target) => {
      if (valuesOnly) return setRefused('the structure of these rules is locked; only values change');
      const lockedRule = touchesLocked(locked, [source, target]);
      if (lockedRule) return setRefused(lockedRule.replace(/\.$/, ''));
      const linked = editor.connect(source, target);
      setRefused(linked.ok ? null : linked.reason);
    },
    onDelete: (nodes, edges) => {
      if (valuesOnly) return setRefused('the structure of these rules is locked; nothing can be removed');
      const lockedRule = touchesLocked(locked, [...nodes, ...endsOf(edges)]);
      if (lockedRule) return setRefused(lockedRule.replace(/\.$/, ''));
      editor.remove(nodes, edges);
    },
    onRefused: setRefused,
  };

  return (
    <Paper withBorder p="md" data-testid="rules-designer" data-decision-point={dp}>
      <Stack gap="sm">
        <div>
          <Group gap="sm">
            <Title order={3} ref={headingRef} tabIndex={-1}>Draft of the {spec.name.toLowerCase()} rules</Title>
            <Badge color="yellow">draft</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {start.source} The version in force keeps deciding until you publish.
          </Text>
        </div>
        <DesignerToolbar
          canUndo={editor.canUndo}
          canRedo={editor.canRedo}
          onUndo={editor.undo}
          onRedo={editor.redo}
          onLayout={() => {
            editor.layout();
            void flow.setViewport(openingViewport(layoutForest(editor.graph)), { duration: motionMs(300) });
          }}
          onExport={() => downloadJson(`${dp}-rules.json`, definition)}
          onImport={() => setJsonOpen(true)}
          onTest={() => setTesting(true)}
          {...(mayBacktest ? { onBacktest: () => setBacktesting(true) } : {})}
          onCompare={() => setComparing({ canvas: definition })}
        >
          <SegmentedControl
            size="xs"
            aria-label="Show the rules as"
            data-testid="rules-view-switch"
            data={[
              { value: 'canvas', label: 'Canvas' },
              { value: 'table', label: 'Table' },
            ]}
            value={view}
            onChange={(value) => setView(value === 'table' ? 'table' : 'canvas')}
          />
          <Text size="xs" c="dimmed">
            Drag from a node&apos;s right handle to another&apos;s left to link them. Delete removes the selection.
          </Text>
        </DesignerToolbar>
        {refused && (
          <Alert color="orange" p="xs" withCloseButton onClose={() => setRefused(null)} data-testid="rules-link-refused">
            Not done: {refused}.
          </Alert>
        )}
        {lockProblem && (
          <Alert color="red" title="The locks do not allow this" data-testid="rules-lock-refused">
            {lockProblem}
          </Alert>
        )}
        <PathBanner path={path} />
        <RankByBanner ruleset={editor.graph.ruleset} onEdit={() => editor.setSelection({ nodes: [], edges: [] })} />
        <SkipToCanvas canvas={canvasRef} />
        <div className={classes.workspace}>
          <Box className={classes.palette}>
            {valuesOnly ? (
              <Paper withBorder p="xs" h="100%" data-testid="palette-locked">
                <Text size="sm">The structure of these rules is locked: nothing can be added or removed. Select a condition or an outcome to change its value.</Text>
              </Paper>
            ) : (
              <Palette spec={spec} onAdd={add} />
            )}
          </Box>
          <div className={classes.canvas} onKeyDown={(event) => openInInspector(event, inspectorRef)}>
            {view === 'canvas' ? (
              <RulesCanvas graph={editor.graph} problems={problemsByNode} paint={path.paint} editing={editing} containerRef={canvasRef} height={CANVAS_HEIGHT} />
            ) : (
              <DecisionTableView
                dp={dp}
                graph={editor.graph}
                onEdit={editor.edit}
                limits={tableLocks}
                onShowOnCanvas={(ruleId) => {
                  setView('canvas');
                  requestAnimationFrame(() => focus(ruleId));
                }}
                height={CANVAS_HEIGHT}
              />
            )}
          </div>
          <Stack gap="sm" ref={inspectorRef}>
            <NodeInspector editor={editor} problems={check.problems} valuesOnly={valuesOnly} lockNotes={marks} lockedNodes={locked} limits={tableLocks} />
            <ProblemsPanel problems={check.problems} nodes={checked.nodes} definition={check.compiled.definition} onFocus={focus} />
          </Stack>
        </div>
        <DraftActions
          dp={dp}
          definition={definition}
          errors={errors}
          saved={{ exists: savedJson !== null, current: savedJson === json(definition) }}
          onSaved={(saved) => {
            setSavedJson(json(saved));
            onDraftChanged();
          }}
          onDiscarded={() => {
            onDraftChanged();
            onClose();
          }}
          onPublished={onPublished}
        />
      </Stack>
      <JsonImportModal
        opened={jsonOpen}
        decisionPoint={dp}
        current={definition}
        onImport={(imported) => {
          const next = openRuleset(imported);
          setOpened(next);
          editor.replace(next.graph);
          void flow.setViewport(openingViewport(next.graph), { duration: motionMs(300) });
        }}
        onClose={() => setJsonOpen(false)}
      />
      <TestPanel opened={testing} onClose={() => setTesting(false)} dp={dp} definition={definition} runLabel="Run draft" mayEdit={can('rules.publish')} path={path} />
      {mayBacktest && <BacktestPanel opened={backtesting} onClose={() => setBacktesting(false)} dp={dp} definition={definition} />}
      <CompareModal opened={comparing ? {} : null} onClose={() => setComparing(null)} dp={dp} versions={versions} canvas={comparing?.canvas ?? null} />
    </Paper>
  );
}
