import type { Context as ActivityContext } from '@temporalio/activity';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { logContext } from '../logging/log-context.ts';
import { createLogger } from '../logging/logger.ts';
import { activityLogContext, orderIdOfWorkflow, temporalRuntimeLogger } from './temporal-logs.ts';

describe("the worker's log lines", () => {
  it.each([
    ['order-8f2c', '8f2c'],
    ['order-order-1', 'order-1'],
    ['area-north', undefined],
    ['orders-x', undefined],
  ])('%s runs for order %s', (workflowId, orderId) => {
    expect(orderIdOfWorkflow(workflowId)).toBe(orderId);
  });

  it("gives whatever an activity's code logs its workflow, order and activity", async () => {
    const ctx = { info: { activityType: 'decideIntake', workflowExecution: { workflowId: 'order-o1', runId: 'r1' } } } as unknown as ActivityContext;
    const execute = activityLogContext(ctx).inbound!.execute!;
    const seen = await execute({} as ActivityExecuteInput, async () => logContext());
    expect(seen).toEqual({ activityType: 'decideIntake', workflowId: 'order-o1', orderId: 'o1' });
  });

  it("writes the SDK's lines with its attributes and the order, its error as err, and never the task token", () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({}, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const sdk = temporalRuntimeLogger('INFO', logger);
    sdk.debug('below the level');
    sdk.warn('Activity failed', { workflowId: 'order-o1', activityType: 'assignOrder', taskToken: 'c2VjcmV0', error: new Error('no resource') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', component: 'temporal', msg: 'Activity failed', workflowId: 'order-o1', orderId: 'o1', activityType: 'assignOrder', err: { message: 'no resource' } });
    expect(JSON.stringify(lines[0])).not.toContain('c2VjcmV0');
  });
});
