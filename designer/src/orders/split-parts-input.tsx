import { Group, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import type { OrderSummary } from '../../../domain/order.ts';
import { Pager } from '../common/pager.tsx';
import { pageCount, pageStart } from '../common/paging.ts';
import { LINES_PER_PAGE } from './order-lines.tsx';
import { partChoices } from './split-parts.ts';

interface SplitPartsInputProps {
  lines: OrderSummary['lines'];
  lineParts: number[];
  error: string | undefined;
  onChange: (lineParts: number[]) => void;
}

/**
 * For each line, which child order it goes to, a page of lines at a time as in the lines table; native selects,
 * as a page of fifty styled comboboxes is slow to open.
 */
export function SplitPartsInput({ lines, lineParts, error, onChange }: SplitPartsInputProps) {
  const [page, setPage] = useState(1);
  const shown = Math.min(page, pageCount(lines.length, LINES_PER_PAGE));
  const start = pageStart(shown, LINES_PER_PAGE);
  const parts = Array.from({ length: partChoices(lineParts) }, (_, index) => ({ value: String(index + 1), label: `Part ${index + 1}` }));
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-start">
        {lines.slice(start, start + LINES_PER_PAGE).map((line, i) => {
          const index = start + i;
          return (
            <NativeSelect
              key={index}
              data-testid={`split-line-${index}`}
              label={`Line ${index + 1}: ${line.qty} × ${line.sku}`}
              data={parts}
              value={String(lineParts[index] ?? 1)}
              onChange={(event) => {
                const part = Number(event.currentTarget.value);
                onChange(lineParts.map((current, n) => (n === index ? part : current)));
              }}
              error={index === start ? error : undefined}
              w={180}
            />
          );
        })}
      </Group>
      <Pager total={lines.length} size={LINES_PER_PAGE} page={shown} onChange={setPage} what="lines to split" testId="split-lines-pages" />
    </Stack>
  );
}
