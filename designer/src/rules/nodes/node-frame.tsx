import { Badge, List, Paper, Tooltip, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCanvas } from '../canvas-context.ts';

interface NodeFrameProps extends PaperProps {
  id: string;
  selected: boolean;
  title?: string;
  children: ReactNode;
}

/** What every node shares: the selection outline, and a badge with its problems (red for errors, yellow for warnings). */
export function NodeFrame({ id, selected, children, style, ...paper }: NodeFrameProps) {
  const problems = useCanvas().problems.get(id) ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  const color = errors > 0 ? 'red' : 'yellow';
  const ring = selected ? 'var(--mantine-color-blue-5)' : problems.length > 0 ? `var(--mantine-color-${color}-6)` : undefined;
  return (
    <Paper h="100%" pos="relative" style={{ ...(style as object), ...(ring ? { boxShadow: `0 0 0 ${selected ? 3 : 2}px ${ring}` } : {}) }} data-problems={problems.length} {...paper}>
      {children}
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
