import type { ActivityInterceptorsFactory, LogEntry, LogLevel } from '@temporalio/worker';
import { DefaultLogger } from '@temporalio/worker';
import { withLogContext, type LogFields } from '../logging/log-context.ts';
import { log, type Logger } from '../logging/logger.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';

const ORDER_PREFIX = orderWorkflowId('');
const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** The order a workflow runs for, from its id (`order-<id>`); an area controller has none. */
export const orderIdOfWorkflow = (workflowId: string): string | undefined => (workflowId.startsWith(ORDER_PREFIX) ? workflowId.slice(ORDER_PREFIX.length) : undefined);

/**
 * The SDK's own lines (the worker's state, workflow and activity failures, the core's, and what
 * workflows log) as JSON lines of the process's logger, filtered at `level`. They carry the SDK's
 * attributes (workflow id, activity type, attempt) and the order id; not the activity's task token,
 * which completes the activity for whoever holds it.
 */
export function temporalRuntimeLogger(level: LogLevel, logger: Logger = log): DefaultLogger {
  const sdk = logger.child({ component: 'temporal' });
  return new DefaultLogger(level, (entry: LogEntry) => {
    const { error, taskToken: _taskToken, ...meta } = (entry.meta ?? {}) as Record<string, unknown>;
    const orderId = typeof meta.workflowId === 'string' ? orderIdOfWorkflow(meta.workflowId) : undefined;
    sdk[PINO_LEVEL[entry.level]]({ ...meta, ...(orderId ? { orderId } : {}), ...(error !== undefined ? { err: error } : {}) }, entry.message);
  });
}

/** Every line an activity's code logs, however deep, names the workflow, the order and the activity it ran for. */
export const activityLogContext: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute: (input, next) => {
      const { workflowExecution, activityType } = ctx.info;
      const fields: LogFields = { activityType };
      if (workflowExecution) {
        fields.workflowId = workflowExecution.workflowId;
        const orderId = orderIdOfWorkflow(workflowExecution.workflowId);
        if (orderId) fields.orderId = orderId;
      }
      return withLogContext(fields, () => next(input));
    },
  },
});
