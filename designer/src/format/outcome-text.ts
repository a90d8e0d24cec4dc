import { ROLE_LABELS, type Role } from '../../../domain/roles.ts';
import { formatPoints, formatValue, humanize } from './labels.ts';
import { clause } from './sentences.ts';

/** `8 h`, `15 min`, `1 h 30 min`: a deadline as a dispatcher reads it. */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 60) return `${minutes} min`;
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const roleName = (role: unknown) => (typeof role === 'string' && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : formatValue(role));
const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
const toRole = (role: unknown) => `to ${article(roleName(role))}`;
const because = (reason: unknown) => (typeof reason === 'string' && reason.trim() ? `: ${clause(reason)}` : '');

/**
 * A rule's outcome in words — "Deadline 8 h, then to a dispatcher", "Hold for credit: no limit left" — for
 * the canvas and the decisions of an order. An outcome Sluice does not know keeps its name and values.
 */
export function describeOutcome(type: string, params: Record<string, unknown>): string {
  const p = params;
  switch (type) {
    case 'score':
      if (typeof p.points === 'number') return formatPoints(p.points);
      break;
    case 'deadline':
      if (typeof p.minutes === 'number') return `Deadline ${formatMinutes(p.minutes)}, then ${toRole(p.role)}`;
      break;
    case 'none':
      return 'No deadline';
    case 'accept':
      return 'Accept';
    case 'hold':
      return `Hold for ${formatValue(p.holdType)}${because(p.reason)}`;
    case 'specialist_review':
      return `To an order specialist${because(p.reason)}`;
    case 'reject':
      return `Reject${because(p.reason)}`;
    case 'release':
      return 'Release now';
    case 'wait':
      return `Wait${because(p.reason)}`;
    case 'escalate':
      return `Escalate ${toRole(p.role)}${because(p.reason)}`;
    case 'assign':
      return typeof p.preference === 'number' ? `May take it, preference ${p.preference}` : 'May take it';
    case 'skip':
      return `May not take it${because(p.reason)}`;
    case 'requeue':
      return 'Back to the pool';
    case 'close':
      return `Close${because(p.reason)}`;
    case 'require_remit':
      return 'Finance confirms the cash first';
    case 'clear':
      return 'Nothing to collect: close';
    case 'finance_review':
      return `To finance for review${because(p.reason)}`;
  }
  const details = Object.values(p).map(formatValue).join(', ');
  return details ? `${humanize(type)}: ${details}` : humanize(type);
}
