import { Group, Pagination, Text } from '@mantine/core';
import { pageCount, pageStart } from './paging.ts';

interface PagerProps {
  total: number;
  size: number;
  page: number;
  onChange: (page: number) => void;
  /** What is paged through, e.g. "lines": named in the range shown and in the controls' labels. */
  what: string;
  testId: string;
}

const fmt = new Intl.NumberFormat();

/** Page controls and the range shown ("51–100 of 5,000 lines"); nothing when everything fits on one page. */
export function Pager({ total, size, page, onChange, what, testId }: PagerProps) {
  const pages = pageCount(total, size);
  if (pages <= 1) return null;
  const first = pageStart(page, size) + 1;
  return (
    <Group gap="sm" justify="space-between" data-testid={testId}>
      <Text size="sm" c="dimmed" data-testid={`${testId}-range`}>
        {fmt.format(first)}–{fmt.format(Math.min(total, first + size - 1))} of {fmt.format(total)} {what}
      </Text>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        size="sm"
        withEdges
        getControlProps={(control) => ({ 'aria-label': `${control} page of ${what}` })}
        getItemProps={(n) => ({ 'aria-label': `${what}, page ${n}` })}
      />
    </Group>
  );
}
