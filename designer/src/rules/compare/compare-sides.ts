import type { RulesetVersionSummary } from '../../../../domain/ruleset.ts';

/** What can be compared: a published version by number, the saved draft, or the canvas as it is. */
export type Side = number | 'draft' | 'canvas';

export const sideValue = (side: Side) => String(side);
export const sideOf = (value: string): Side => (value === 'draft' || value === 'canvas' ? value : Number(value));

const STATUS_LABEL = { published: 'in force', scheduled: 'scheduled', retired: 'retired', draft: 'draft' } as const;

/** The choices, newest first: the canvas (when open), the saved draft (when there is one), then every version. */
export function sideOptions(versions: readonly RulesetVersionSummary[], canvas: boolean): { value: string; label: string }[] {
  const options = canvas ? [{ value: 'canvas', label: 'The canvas, as it is now' }] : [];
  for (const v of versions) {
    options.push(v.status === 'draft' ? { value: 'draft', label: 'The saved draft' } : { value: sideValue(v.version), label: `Version ${v.version} · ${STATUS_LABEL[v.status]}` });
  }
  return options;
}

/**
 * What to compare first: the newest work (the canvas, else the draft, else the version in force) against
 * `from` when given, else against the version in force, or the one before it when that is the newest.
 * Null when there is nothing to compare.
 */
export function defaultSides(versions: readonly RulesetVersionSummary[], canvas: boolean, from?: number): { from: Side; to: Side } | null {
  const numbered = versions.filter((v) => v.status !== 'draft').map((v) => v.version);
  const inForce = versions.find((v) => v.status === 'published')?.version ?? numbered[0];
  const to: Side | undefined = canvas ? 'canvas' : versions.some((v) => v.status === 'draft') ? 'draft' : inForce;
  const older = from ?? (to === inForce ? numbered.find((v) => inForce !== undefined && v < inForce) : inForce);
  return to === undefined || older === undefined ? null : { from: older, to };
}
