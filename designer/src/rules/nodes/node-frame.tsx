import { Badge, List, Paper, Tooltip, type PaperProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import type { NodeKind } from '../../graph/rules-graph-model.ts';
import { useCanvas } from '../canvas-context.ts';
import { nodeMark } from './node-marks.ts';

interface NodeFrameProps extends PaperProps {
  id: string;
  kind: NodeKind;
  selected: boolean;
  title?: string;
  children: ReactNode;
}

/**
 * What every node shares: the selection outline, a badge with its problems (red for errors, yellow for
 * warnings), and the marks of a test run's path or of a diff.
 */
export function NodeFrame({ id, kind, selected, children, style, ...paper }: NodeFrameProps) {
  const { problems: all, paint, diff, found } = useCanvas();
  const problems = all.get(id) ?? [];
  const mark = nodeMark(paint.get(id), diff.get(id));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const color = errors > 0 ? 'red' : 'yellow';
  const isFound = found.ids.has(id);
  const foundRing = found.current === id ? 'var(--mantine-color-orange-7)' : isFound ? 'var(--mantine-color-orange-4)' : undefined;
  const ring = selected ? 'var(--mantine-color-blue-5)' : (foundRing ?? mark.ring ?? (problems.length > 0 ? `var(--mantine-color-${color}-6)` : undefined));
  const marked: CSSProperties = {
    ...(style as CSSProperties),
    ...(ring ? { boxShadow: `0 0 0 ${selected || mark.ring || foundRing ? 3 : 2}px ${ring}` } : {}),
    ...(mark.faded ? { opacity: 0.45 } : {}),
    ...(mark.dashed ? { borderStyle: 'dashed' } : {}),
  };
  return (
    <Paper h="100%" pos="relative" style={marked} data-kind={kind} data-problems={problems.length} data-found={isFound ? (found.current === id ? 'current' : 'match') : undefined} {...mark.attributes} {...paper} bg={mark.background ?? paper.bg}>
      {children}
      {mark.badge && (
        <Badge data-testid={mark.badge.testId} size="sm" color={mark.badge.color} variant="filled" pos="absolute" bottom={-11} left={8} maw="92%" style={{ zIndex: 1, textTransform: 'none' }}>
          {mark.badge.label}
        </Badge>
      )}
      {problems.length > 0 && (
        <Tooltip
          multiline
          w={320}
          withArrow
          label={
            <List size="xs" spacing={2}>
              {problems.map((p, i) => (
                <List.Item key={i}>{p.message}</List.Item>
              ))}
            </List>
          }
        >
          <Badge
            data-testid="node-problem-badge"
            data-severity={errors > 0 ? 'error' : 'warning'}
            size="sm"
            circle
            color={color}
            pos="absolute"
            top={-9}
            right={-9}
            style={{ zIndex: 1 }}
          >
            {problems.length}
          </Badge>
        </Tooltip>
      )}
    </Paper>
  );
}
