import { Button, Group, Text } from '@mantine/core';

interface SelectionBarProps {
  /** Ticked on this page, or null when every matching order is taken. */
  count: number | null;
  matching: string;
  pageFull: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onBulk: () => void;
}

/** What is selected, the way to take every matching order, and the bulk action for it. */
export function SelectionBar({ count, matching, pageFull, onSelectAll, onClear, onBulk }: SelectionBarProps) {
  return (
    <Group gap="sm" data-testid="selection-bar" role="region" aria-label="Selected orders">
      <Text size="sm" fw={600} data-testid="selection-count" aria-live="polite">
        {count === null ? `All ${matching} matching selected` : `${count} selected`}
      </Text>
      {count !== null && pageFull && (
        <Button variant="subtle" size="xs" onClick={onSelectAll} data-testid="select-all-matching">
          Select all {matching} matching
        </Button>
      )}
      <Button size="xs" onClick={onBulk} data-testid="bulk-action">
        Bulk action…
      </Button>
      <Button variant="subtle" size="xs" onClick={onClear}>
        Clear selection
      </Button>
    </Group>
  );
}
