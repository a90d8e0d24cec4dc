import { publishRulesetRequest, rulesetDefinition, type RulesetDefinition } from '../../../domain/ruleset.ts';
import type { ApiIssue } from '../api/api-error.ts';
import { flattenIssues } from '../validation/flatten-issues.ts';

export type DraftCheck =
  | { kind: 'valid'; definition: RulesetDefinition }
  | { kind: 'not-json'; message: string }
  | { kind: 'invalid'; issues: ApiIssue[]; json: unknown };

/** The draft as the API will judge it: the same schema, so what passes here is refused only for server-side reasons. */
export function checkDraft(text: string): DraftCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'not-json', message: `This is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = rulesetDefinition.safeParse(json, { reportInput: true });
  return parsed.success
    ? { kind: 'valid', definition: parsed.data }
    : { kind: 'invalid', issues: flattenIssues(parsed.error.issues), json };
}

/** Why the note would be refused, or undefined when it is fine. */
export function checkNote(note: string): string | undefined {
  const parsed = publishRulesetRequest.shape.note.safeParse(note);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

export interface PublishIssues {
  /** Relative to the definition, as the editor shows it (`rules.0.name`, or empty for the whole of it). */
  definition: ApiIssue[];
  note: string | undefined;
  effectiveFrom: string | undefined;
}

/** Sorts a publish refusal's issues (paths relative to the request body) into the editor's two fields. */
export function sortPublishIssues(issues: readonly ApiIssue[]): PublishIssues {
  const definition: ApiIssue[] = [];
  let note: string | undefined;
  let effectiveFrom: string | undefined;
  for (const issue of issues) {
    if (issue.path === 'note') note ??= issue.message;
    else if (issue.path === 'effectiveFrom') effectiveFrom ??= issue.message;
    else definition.push({ path: issue.path.replace(/^definition\.?/, ''), message: issue.message });
  }
  return { definition, note, effectiveFrom };
}

/** `rules.2.conditions.all.0` → `rules.2.conditions.all.0 (rule "Due soon")`, so a person finds the rule by name. */
export function describeIssuePath(path: string, definition: unknown): string {
  if (path === '' || path === '(body)') return 'the whole definition';
  const index = /^rules\.(\d+)(?:\.|$)/.exec(path)?.[1];
  const rules = (definition as { rules?: unknown } | undefined)?.rules;
  const name = index !== undefined && Array.isArray(rules) ? (rules[Number(index)] as { name?: unknown } | undefined)?.name : undefined;
  return typeof name === 'string' && name !== '' ? `${path} (rule "${name}")` : path;
}
