import { randomUUID } from 'node:crypto';
import type { DecisionPointId } from '../domain/decision-points.ts';
import type { rulesPublishedWorkflow } from '../workflows/rules-published.workflow.ts';
import type { ApiDeps } from './api-deps.ts';

/**
 * In-flight policy: when priority rules are published, orders still waiting in a pool whose score they
 * change are decided again with the new version, and every area re-ranks its pool; when release rules
 * are, every area runs a cycle under them. Orders already released keep the decision they were released
 * on. A workflow carries it out, waiting for the effective time if there is one.
 */
export async function announcePublished(deps: ApiDeps, decisionPoint: DecisionPointId, version: number, effectiveFrom?: Date): Promise<void> {
  if (decisionPoint !== 'priority' && decisionPoint !== 'release') return;
  await deps.temporal.workflow.start<typeof rulesPublishedWorkflow>('rulesPublishedWorkflow', {
    // Unique per announcement: version numbers repeat across deployments that share a Temporal namespace.
    workflowId: `rules-published-${decisionPoint}-v${version}-${randomUUID()}`,
    taskQueue: deps.taskQueue,
    args: [{ decisionPoint, version, effectiveFrom: effectiveFrom?.toISOString() ?? null }],
  });
}
