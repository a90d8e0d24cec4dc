import { rulesetDefinition, type RulesetDefinition } from '../../domain/ruleset.ts';
import priority from './priority.json' with { type: 'json' };

/** The rulesets a fresh installation publishes as version 1, validated when loaded. */
export const defaultPriorityRuleset: RulesetDefinition = rulesetDefinition.parse(priority);
