import type { MantineColor } from '@mantine/core';
import type { DiffMark } from '../../graph/diff-graph.ts';
import type { NodePaint, PathMark } from '../../graph/paint-path.ts';

export const PATH_COLORS: Record<PathMark, MantineColor> = { true: 'green', false: 'red', missing: 'orange' };
export const DIFF_COLORS: Record<DiffMark, MantineColor> = { added: 'green', removed: 'red', changed: 'yellow' };

export interface NodeMark {
  /** Outline colour, a CSS value. */
  ring?: string;
  background?: string;
  /** Removed nodes and outcomes the run did not reach fade, so what mattered stands out. */
  faded?: boolean;
  dashed?: boolean;
  /** Beside the node: the fact's value, whether a rule applied, or how it differs. */
  badge?: { label: string; color: MantineColor; testId: string };
  /** For browser tests and the curious: `data-path`, `data-fired`, `data-applied`, `data-diff`. */
  attributes: Record<string, string>;
}

const css = (color: MantineColor, shade: number) => `var(--mantine-color-${color}-${shade})`;

function ruleBadge(fired: boolean, applied: boolean): NodeMark['badge'] {
  if (applied) return { label: 'applied', color: 'green', testId: 'node-path-rule' };
  return fired ? { label: 'held, not applied', color: 'yellow', testId: 'node-path-rule' } : { label: 'did not apply', color: 'gray', testId: 'node-path-rule' };
}

function pathMark(paint: NodePaint): NodeMark {
  switch (paint.kind) {
    case 'condition':
    case 'group': {
      const color = PATH_COLORS[paint.mark];
      const badge = paint.kind === 'condition' ? { label: paint.actual, color, testId: 'node-path-actual' } : undefined;
      return { ring: css(color, 6), background: css(color, 0), ...(badge ? { badge } : {}), attributes: { 'data-path': paint.mark } };
    }
    case 'rule':
      return {
        ring: paint.applied ? css('green', 6) : undefined,
        badge: ruleBadge(paint.fired, paint.applied),
        attributes: { 'data-fired': String(paint.fired), 'data-applied': String(paint.applied) },
      };
    case 'outcome':
      return paint.applied
        ? { ring: css('green', 7), badge: { label: 'applied', color: 'green', testId: 'node-path-outcome' }, attributes: { 'data-applied': 'true' } }
        : { faded: true, attributes: { 'data-applied': 'false' } };
  }
}

function diffMark(mark: DiffMark): NodeMark {
  return {
    ring: css(DIFF_COLORS[mark], 6),
    faded: mark === 'removed',
    dashed: mark === 'removed',
    badge: { label: mark, color: DIFF_COLORS[mark], testId: 'node-diff-badge' },
    attributes: { 'data-diff': mark },
  };
}

/** How a node shows the path a test run took, or how it differs from an older version; a canvas shows one or the other. */
export function nodeMark(paint: NodePaint | undefined, diff: DiffMark | undefined): NodeMark {
  if (diff) return diffMark(diff);
  return paint ? pathMark(paint) : { attributes: {} };
}
