import { Select } from '@mantine/core';
import type { OrderSummary } from '../../../domain/order.ts';

interface SplitPartsInputProps {
  lines: OrderSummary['lines'];
  lineParts: number[];
  error: string | undefined;
  onChange: (lineParts: number[]) => void;
}

/** For each line, which child order it goes to; as many parts as lines is the most a split can make. */
export function SplitPartsInput({ lines, lineParts, error, onChange }: SplitPartsInputProps) {
  const parts = lines.map((_, index) => ({ value: String(index + 1), label: `Part ${index + 1}` }));
  return (
    <>
      {lines.map((line, index) => (
        <Select
          key={index}
          data-testid={`split-line-${index}`}
          label={`Line ${index + 1}: ${line.qty} × ${line.sku}`}
          data={parts}
          value={String(lineParts[index] ?? 1)}
          onChange={(value) => value && onChange(lineParts.map((part, i) => (i === index ? Number(value) : part)))}
          allowDeselect={false}
          error={index === 0 ? error : undefined}
          w={180}
        />
      ))}
    </>
  );
}
