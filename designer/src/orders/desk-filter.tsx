import { SegmentedControl } from '@mantine/core';
import { DESKS, type Desk } from '../../../domain/order-desks.ts';
import { DESK_LABELS } from './desks.ts';

const DATA = DESKS.map((desk) => ({ value: desk, label: DESK_LABELS[desk] }));

export function DeskFilter({ value, onChange }: { value: Desk; onChange: (desk: Desk) => void }) {
  return <SegmentedControl data-testid="desk-filter" data-desk={value} data={DATA} value={value} onChange={onChange} size="sm" />;
}
