import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, checkNote, describeIssuePath, sortPublishIssues } from './draft-check.ts';

const shipped = readFileSync(new URL('../../../rules/defaults/priority.json', import.meta.url), 'utf8');

function withFirstRule(change: (rule: Record<string, unknown>) => void): string {
  const definition = JSON.parse(shipped) as { rules: Record<string, unknown>[] };
  change(definition.rules[0]!);
  return JSON.stringify(definition);
}

describe('checkDraft', () => {
  it('accepts the shipped priority ruleset', () => {
    expect(checkDraft(shipped).kind).toBe('valid');
  });

  it('reports broken JSON as such', () => {
    const check = checkDraft('{ "rules": [ }');
    expect(check.kind).toBe('not-json');
  });

  it('finds a typo deep inside a condition instead of "invalid input" on the whole rule', () => {
    const draft = withFirstRule((rule) => {
      rule.conditions = { all: [{ fact: 'slackHours', operator: 'lessThan', valeu: 0 }] };
    });
    const check = checkDraft(draft);
    expect(check.kind).toBe('invalid');
    const paths = check.kind === 'invalid' ? check.issues.map((issue) => issue.path) : [];
    expect(paths).toContain('rules.0.conditions.all.0.value');
    expect(paths).toContain('rules.0.conditions.all.0');
  });

  it('lists every problem, not just the first', () => {
    const draft = withFirstRule((rule) => {
      rule.name = '';
      rule.priority = 0;
    });
    const check = checkDraft(draft);
    expect(check.kind === 'invalid' ? check.issues.map((issue) => issue.path) : []).toEqual([
      'rules.0.name',
      'rules.0.priority',
    ]);
  });
});

describe('publishing', () => {
  it('needs a note', () => {
    expect(checkNote('  ')).toBeDefined();
    expect(checkNote('Raised the overdue points')).toBeUndefined();
  });

  it("sorts the API's issues into the definition, the note and the effective time", () => {
    expect(
      sortPublishIssues([
        { path: 'definition.rules.1.conditions', message: 'unknown fact "tier"' },
        { path: 'note', message: 'say what changed and why' },
        { path: 'effectiveFrom', message: 'must not be in the past' },
        { path: 'definition', message: 'rule names must be unique' },
      ]),
    ).toEqual({
      definition: [
        { path: 'rules.1.conditions', message: 'unknown fact "tier"' },
        { path: '', message: 'rule names must be unique' },
      ],
      note: 'say what changed and why',
      effectiveFrom: 'must not be in the past',
    });
  });

  it('names the rule an issue is in', () => {
    const draft = JSON.parse(shipped) as unknown;
    expect(describeIssuePath('rules.1.conditions.all.0', draft)).toBe('rules.1.conditions.all.0 (rule "Due within 4 hours")');
    expect(describeIssuePath('name', draft)).toBe('name');
    expect(describeIssuePath('', draft)).toBe('the whole definition');
  });
});
