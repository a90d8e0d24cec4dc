/** `pickup_delivery` → `Pickup delivery`: enum values as an ops person reads them. */
export function humanize(value: string): string {
  const words = value.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const OPERATOR_SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'contains',
  doesNotContain: 'does not contain',
  before: 'before',
  after: 'after',
};

/** json-rules-engine operators in plain notation; custom operators keep their own name. */
export function operatorLabel(operator: string): string {
  return OPERATOR_SYMBOLS[operator] ?? operator;
}

/** A fact or rule value as text: strings bare, lists comma-separated, anything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return JSON.stringify(value);
}

export function formatPoints(points: number): string {
  return `${points >= 0 ? '+' : '−'}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}

/** `a password needs…` → `A password needs…`: a schema's message as a field error. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** `plural(3, 'rule', 'rules')` → `3 rules`. */
export function plural(count: number | bigint, one: string, many: string): string {
  return `${count} ${Number(count) === 1 ? one : many}`;
}

/** e.g. "2 of 5 orders" or "7.3 of 12 units": what an area holds against its limit. */
export function againstLimit(load: number, limit: number | null, unit: 'orders' | 'units'): string {
  const held = Number.isInteger(load) ? load : load.toFixed(1);
  return limit === null ? `${held} ${unit}, no WIP limit` : `${held} of ${limit} ${unit}`;
}
