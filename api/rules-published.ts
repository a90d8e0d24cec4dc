import type { EntityManager } from '@mikro-orm/sql';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { Announcement } from '../domain/announcement.ts';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { addAnnouncement } from '../store/outbox.ts';
import type { rulesPublishedWorkflow } from '../workflows/rules-published.workflow.ts';

/**
 * In-flight policy (unless the publish keeps decisions, domain/in-flight-policy.ts, and announces nothing):
 * when priority rules are published, orders still waiting in a pool whose score they
 * change are decided again with the new version, and every area re-ranks its pool; when release rules
 * are, every area runs a cycle under them; when escalation rules are, every order whose deadline is running
 * decides it again. Orders already released keep the priority decision they were released on. A workflow carries it out, waiting for the effective time if there is one; the publication's
 * transaction announces it through the outbox (api/announcement-relay.ts).
 */
export function announcePublished(em: EntityManager, decisionPoint: DecisionPointId, version: number, effectiveFrom?: Date): void {
  if (decisionPoint !== 'priority' && decisionPoint !== 'release' && decisionPoint !== 'escalation') return;
  addAnnouncement(em, { kind: 'rules_published', decisionPoint, version, effectiveFrom: effectiveFrom?.toISOString() ?? null });
}

/** Starts the announcement's workflow; a second delivery of the same announcement finds it started and does nothing. */
export async function startRulesPublished(temporal: Client, taskQueue: string, id: string, published: Extract<Announcement, { kind: 'rules_published' }>): Promise<void> {
  try {
    await temporal.workflow.start<typeof rulesPublishedWorkflow>('rulesPublishedWorkflow', {
      // Named by the announcement: version numbers repeat across deployments that share a Temporal namespace.
      workflowId: `rules-published-${published.decisionPoint}-v${published.version}-${id}`,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      taskQueue,
      args: [{ decisionPoint: published.decisionPoint, version: published.version, effectiveFrom: published.effectiveFrom }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
