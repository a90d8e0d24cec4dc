import { Button, Group } from '@mantine/core';

/** Previous and next over the server's cursors: any page costs what the first does, however deep. */
export function CursorPager({ prev, next, onPage }: { prev: string | null; next: string | null; onPage: (cursor: string) => void }) {
  if (prev === null && next === null) return null;
  return (
    <Group gap="xs" justify="flex-end" data-testid="orders-pager">
      <Button variant="default" size="xs" disabled={prev === null} onClick={() => prev && onPage(prev)} data-testid="page-prev" aria-label="Previous page of orders">
        ← Previous
      </Button>
      <Button variant="default" size="xs" disabled={next === null} onClick={() => next && onPage(next)} data-testid="page-next" aria-label="Next page of orders">
        Next →
      </Button>
    </Group>
  );
}
