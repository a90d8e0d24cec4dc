import { Button, CloseButton, Group, Input, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { memo, useMemo, useState } from 'react';
import { MAX_LINES } from '../../../../domain/order.ts';
import { Pager } from '../../common/pager.tsx';
import { pageCount, pageStart } from '../../common/paging.ts';
import { emptyLine, pastedRows, pasteLines, type LineDraft } from './order-draft.ts';

/** Lines on screen at once: a pasted order may have thousands, and every row is three inputs. */
export const ENTRY_LINES_PER_PAGE = 100;

type Field = 'sku' | 'qty' | 'price';
const COLUMNS: { field: Field; label: string; mode?: 'numeric' | 'decimal' }[] = [
  { field: 'sku', label: 'SKU' },
  { field: 'qty', label: 'Quantity', mode: 'numeric' },
  { field: 'price', label: 'Unit price', mode: 'decimal' },
];

interface LineRowProps {
  index: number;
  line: LineDraft;
  /** This row's problems by field; undefined when it has none, so an unchanged row is not drawn again. */
  errors: Partial<Record<Field, string>> | undefined;
  onChange: (index: number, field: Field, value: string) => void;
  onPaste: (index: number, text: string) => boolean;
  onRemove: (index: number) => void;
}

// A keystroke redraws its own row only: hundreds of rows stay quick to type in.
const LineRow = memo(function LineRow({ index, line, errors, onChange, onPaste, onRemove }: LineRowProps) {
  return (
    <Table.Tr data-testid={`entry-line-${index + 1}`}>
      <Table.Td ta="right" c="dimmed" valign="top" pt={14}>
        {index + 1}
      </Table.Td>
      {COLUMNS.map(({ field, label, mode }) => {
        const error = errors?.[field];
        const errorId = `entry-line-${index + 1}-${field}-error`;
        return (
          <Table.Td key={field} valign="top">
            <Input
              size="sm"
              aria-label={`Line ${index + 1} ${label}`}
              data-testid={`entry-line-${index + 1}-${field}`}
              inputMode={mode}
              value={line[field]}
              error={Boolean(error)}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => onChange(index, field, event.currentTarget.value)}
              onPaste={(event) => {
                if (onPaste(index, event.clipboardData.getData('text'))) event.preventDefault();
              }}
            />
            {error && (
              <Text id={errorId} size="xs" c="var(--mantine-color-error)" mt={2}>
                {error}
              </Text>
            )}
          </Table.Td>
        );
      })}
      <Table.Td valign="top" pt={10}>
        <CloseButton aria-label={`Remove line ${index + 1}`} data-testid={`entry-line-${index + 1}-remove`} onClick={() => onRemove(index)} />
      </Table.Td>
    </Table.Tr>
  );
});

interface OrderLinesInputProps {
  lines: LineDraft[];
  errors: Record<string, string>;
  /** Stable across renders: takes how the lines change. */
  onUpdate: (update: (lines: LineDraft[]) => LineDraft[]) => void;
}

function rowErrors(errors: Record<string, string>, index: number): Partial<Record<Field, string>> | undefined {
  const row: Partial<Record<Field, string>> = {};
  for (const { field } of COLUMNS) {
    const error = errors[`lines.${index}.${field}`];
    if (error) row[field] = error;
  }
  return Object.keys(row).length > 0 ? row : undefined;
}

/** The order's lines as a table to type or paste into (from a spreadsheet: SKU, quantity, price), a page at a time. */
export function OrderLinesInput({ lines, errors, onUpdate }: OrderLinesInputProps) {
  const [page, setPage] = useState(1);
  const shown = Math.min(page, pageCount(lines.length, ENTRY_LINES_PER_PAGE));
  const start = pageStart(shown, ENTRY_LINES_PER_PAGE);
  // The rows' handlers change the lines through an updater: they stay the same, and unchanged rows are not drawn again.
  const row = useMemo(
    () => ({
      change: (index: number, field: Field, value: string) => onUpdate((all) => all.map((line, i) => (i === index ? { ...line, [field]: value } : line))),
      paste: (index: number, text: string) => {
        const rows = pastedRows(text);
        if (rows) onUpdate((all) => pasteLines(all, index, rows).slice(0, MAX_LINES));
        return rows !== null;
      },
      remove: (index: number) => onUpdate((all) => all.filter((_, i) => i !== index)),
    }),
    [onUpdate],
  );
  const addLine = () => {
    onUpdate((all) => [...all, emptyLine()]);
    setPage(pageCount(lines.length + 1, ENTRY_LINES_PER_PAGE));
  };

  return (
    <Stack gap="xs">
      <Table withTableBorder verticalSpacing={4} captionSide="top" data-testid="entry-lines">
        <Table.Caption ta="left">Type the lines, or paste rows from a spreadsheet (SKU, quantity, unit price) into a line.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">#</Table.Th>
            {COLUMNS.map(({ field, label }) => (
              <Table.Th key={field}>{label}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Remove</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.slice(start, start + ENTRY_LINES_PER_PAGE).map((line, i) => (
            <LineRow key={line.key} index={start + i} line={line} errors={rowErrors(errors, start + i)} onChange={row.change} onPaste={row.paste} onRemove={row.remove} />
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button variant="light" size="xs" onClick={addLine} disabled={lines.length >= MAX_LINES} data-testid="entry-add-line">
          Add a line
        </Button>
        <Pager total={lines.length} size={ENTRY_LINES_PER_PAGE} page={shown} onChange={setPage} what="lines" testId="entry-lines-pages" />
      </Group>
    </Stack>
  );
}
