import type { WorkArea } from '../../../../domain/work-area.ts';
import { ROLE_LABELS, type Role } from '../../../../domain/roles.ts';
import { humanize } from '../../format/labels.ts';
import { viewerDateTimeFormat } from '../../format/viewer-format.ts';
import type { FilterKey, OrderFilters } from './orders-view-state.ts';

const time = viewerDateTimeFormat({ dateStyle: 'short', timeStyle: 'short' });
const list = (value: string) => value.split(',').map(humanize).join(' or ');

/** An active filter in words, as its chip says it; the due window is one chip for its two ends. */
export function filterChips(filters: OrderFilters, areas: readonly WorkArea[]): { keys: FilterKey[]; label: string }[] {
  const chips: { keys: FilterKey[]; label: string }[] = [];
  const add = (key: FilterKey, label: (value: string) => string) => {
    const value = filters[key];
    if (value !== undefined) chips.push({ keys: [key], label: label(value) });
  };
  add('state', (v) => `State: ${list(v)}`);
  add('kind', (v) => `Kind: ${list(v)}`);
  add('area', (v) => `Work area: ${areas.find((area) => area.id === v)?.name ?? v}`);
  add('zone', (v) => `Zone: ${v}`);
  add('warehouse', (v) => `Warehouse: ${v}`);
  if (filters.dueFrom || filters.dueTo) {
    const from = filters.dueFrom ? `from ${time().format(new Date(filters.dueFrom))}` : '';
    const to = filters.dueTo ? `before ${time().format(new Date(filters.dueTo))}` : '';
    chips.push({ keys: ['dueFrom', 'dueTo'], label: `Due ${[from, to].filter(Boolean).join(' and ')}` });
  }
  add('priority', (v) => `Stated priority: ${list(v)}`);
  add('hold', (v) => (v === 'any' ? 'On hold' : v === 'none' ? 'Not on hold' : `On ${v} hold`));
  add('escalatedTo', (v) => `Escalated to ${ROLE_LABELS[v as Role] ?? v}`);
  add('lastMile', (v) => `Last mile: ${v.split(',').join(' or ')}`);
  return chips;
}

/** Due windows a dispatcher asks for, from now. */
export const DUE_WINDOWS = {
  overdue: 'Overdue',
  '2h': 'Due in the next 2 hours',
  '8h': 'Due in the next 8 hours',
  '24h': 'Due in the next 24 hours',
} as const;
export type DueWindow = keyof typeof DUE_WINDOWS;

export function dueWindow(window: DueWindow, now: number): Pick<OrderFilters, 'dueFrom' | 'dueTo'> {
  const at = (ms: number) => new Date(ms).toISOString();
  if (window === 'overdue') return { dueTo: at(now) };
  const hours = Number(window.slice(0, -1));
  return { dueFrom: at(now), dueTo: at(now + hours * 3_600_000) };
}
