import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { COLUMN_LABELS, FIXED_COLUMNS, ORDER_COLUMNS, type OrderColumn } from './order-columns.ts';

/** Which columns the table shows; the order column always does, as it names each row. */
export function ColumnChooser({ columns, onChange }: { columns: readonly OrderColumn[]; onChange: (columns: OrderColumn[]) => void }) {
  return (
    <Popover position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" data-testid="columns-button">
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="column-chooser">
        <Checkbox.Group
          label="Columns shown"
          value={[...columns]}
          onChange={(values) => onChange(ORDER_COLUMNS.filter((column) => FIXED_COLUMNS.includes(column) || values.includes(column)))}
        >
          <Stack gap={6} mt="xs">
            {ORDER_COLUMNS.map((column) => (
              <Checkbox key={column} value={column} label={COLUMN_LABELS[column]} disabled={FIXED_COLUMNS.includes(column)} data-testid={`column-${column}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
