import { Context } from '@temporalio/activity';

/** Where a baseline order workflow has got to, for its driver to act as Sluice's people and controller would. */
export type BareMark = 'waiting' | 'assigned';

const expected = new Map<string, () => void>();

/** Resolves once the workflow `workflowId` runs a step marked `mark`; ask before starting it. */
export function reached(workflowId: string, mark: BareMark): Promise<void> {
  return new Promise((resolve) => expected.set(`${workflowId}/${mark}`, resolve));
}

/** The baselines' activities do nothing but tell the time, or where a workflow has got to: the benchmarks measure what Sluice adds on top of Temporal. */
export const bareActivities = {
  async step(mark?: BareMark): Promise<void> {
    if (!mark) return;
    const key = `${Context.current().info.workflowExecution?.workflowId}/${mark}`;
    expected.get(key)?.();
    expected.delete(key);
  },
  async stamp(): Promise<number> {
    return Date.now();
  },
};
export type BareActivities = typeof bareActivities;
