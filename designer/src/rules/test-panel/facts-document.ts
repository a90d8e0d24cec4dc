import type { DecisionPointSpec } from '../../../../domain/decision-points.ts';
import type { Facts } from '../../api/ruleset-testing-client.ts';

/** Every fact of the decision point with its example value: a document to edit rather than to write. */
export function exampleFacts(spec: DecisionPointSpec): string {
  return JSON.stringify(Object.fromEntries(spec.facts.map((f) => [f.name, f.example])), null, 2);
}

/** The facts a document gives, or why it gives none. A fact left out counts as missing in the run. */
export function parseFacts(text: string): { facts: Facts } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `This is not valid JSON: ${(error as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'The facts must be one JSON object: { "fact": value, … }.' };
  return { facts: parsed as Facts };
}
