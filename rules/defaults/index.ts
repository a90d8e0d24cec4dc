import type { DecisionPointId } from '../../domain/decision-points.ts';
import { rulesetDefinition, type RulesetDefinition } from '../../domain/ruleset.ts';
import assignmentCases from './assignment.cases.json' with { type: 'json' };
import assignment from './assignment.json' with { type: 'json' };
import escalationCases from './escalation.cases.json' with { type: 'json' };
import escalation from './escalation.json' with { type: 'json' };
import intakeCases from './intake.cases.json' with { type: 'json' };
import intake from './intake.json' with { type: 'json' };
import priorityCases from './priority.cases.json' with { type: 'json' };
import priority from './priority.json' with { type: 'json' };
import releaseCases from './release.cases.json' with { type: 'json' };
import release from './release.json' with { type: 'json' };
import remitCases from './remit.cases.json' with { type: 'json' };
import remit from './remit.json' with { type: 'json' };
import returnCases from './return.cases.json' with { type: 'json' };
import returnRules from './return.json' with { type: 'json' };
import rmaCases from './rma.cases.json' with { type: 'json' };
import rma from './rma.json' with { type: 'json' };
import { rulesetCases, type RulesetCase } from './ruleset-case.ts';
import workloadControlPriorityCases from './workload-control-priority.cases.json' with { type: 'json' };
import workloadControlPriority from './workload-control-priority.json' with { type: 'json' };

/** The rulesets a fresh installation publishes as version 1, validated when loaded. */
export const defaultPriorityRuleset: RulesetDefinition = rulesetDefinition.parse(priority);

export const DEFAULT_RULESETS: Record<DecisionPointId, RulesetDefinition> = {
  intake: rulesetDefinition.parse(intake),
  priority: defaultPriorityRuleset,
  release: rulesetDefinition.parse(release),
  assignment: rulesetDefinition.parse(assignment),
  escalation: rulesetDefinition.parse(escalation),
  return: rulesetDefinition.parse(returnRules),
  remit: rulesetDefinition.parse(remit),
  rma: rulesetDefinition.parse(rma),
};

/** What each default must decide for given facts; CI runs them, and they show an ops manager how the rules read. */
export const DEFAULT_RULESET_CASES: Record<DecisionPointId, RulesetCase[]> = {
  intake: rulesetCases.parse(intakeCases),
  priority: rulesetCases.parse(priorityCases),
  release: rulesetCases.parse(releaseCases),
  assignment: rulesetCases.parse(assignmentCases),
  escalation: rulesetCases.parse(escalationCases),
  return: rulesetCases.parse(returnCases),
  remit: rulesetCases.parse(remitCases),
  rma: rulesetCases.parse(rmaCases),
};

/**
 * The workload-control priority ruleset Sluice ships besides the defaults: for production areas with
 * routings and workload norms, it ranks the pool by planned release time, as the workload-control
 * literature sequences its pre-shop pool (docs/simulation.md has the proof). Used with the default release
 * ruleset; an ops manager publishes it for a priority decision point where it fits.
 */
export const WORKLOAD_CONTROL_PRIORITY: RulesetDefinition = rulesetDefinition.parse(workloadControlPriority);
export const WORKLOAD_CONTROL_PRIORITY_CASES: RulesetCase[] = rulesetCases.parse(workloadControlPriorityCases);
