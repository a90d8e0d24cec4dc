import type { EntityManager } from '@mikro-orm/sql';
import { ApplicationFailure } from '@temporalio/activity';
import { sql } from 'kysely';
import { priorityFacts } from '../rules/priority-facts.ts';
import { sqlOn } from '../store/sql.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideByRules } from './decide-by-rules.ts';

export interface PriorityDecisionRef {
  decisionId: string;
  score: number;
}

/** Asks the priority ruleset in force for the order's effective priority score; in `em`'s transaction when given. */
export function decidePriorityActivity(deps: ActivityDeps) {
  const decide = decideByRules(deps);
  return async function decidePriority({ orderId, decisionKey }: { orderId: string; decisionKey: string }, em?: EntityManager): Promise<PriorityDecisionRef> {
    const outcome = await decide(
      {
        decisionPoint: 'priority',
        orderId,
        decisionKey,
        facts: priorityFacts,
        // The score lands with its decision, so the read model never shows a decision without its result.
        alsoInTransaction: (tx, { score }) => sql`update orders set priority_score = ${score ?? 0} where id = ${orderId}`.execute(sqlOn(tx)),
      },
      em,
    );
    if (!outcome) throw ApplicationFailure.nonRetryable('no priority ruleset is in force', 'NoPublishedRuleset');
    return { decisionId: decisionKey, score: outcome.score ?? 0 };
  };
}
