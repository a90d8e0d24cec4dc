import { describe, expect, it } from 'vitest';
import { TRACING_WORKFLOW_INTERCEPTORS } from '../tracing/worker-tracing.ts';
import { bundleWorkflows } from './create-worker.ts';

/**
 * The sandbox runs the module scope of what a workflow imports once per workflow, so what the bundle
 * carries is a cost every order pays (see create-worker.ts and domain/lifecycle-states.ts).
 */
describe('the workflow bundle', () => {
  it('carries no zod, and builds the lifecycle machines once per worker', async () => {
    const { code } = await bundleWorkflows();
    expect(code).not.toContain('node_modules/zod/');
    const preload = code.slice(code.indexOf('exports.preloadModules'), code.indexOf('exports.importWorkflows'));
    expect(preload).toContain('machine-for-kind.ts');
    expect(preload).toContain('order-v1.machine.ts');
  });

  it('carries OpenTelemetry only when the worker traces', async () => {
    const [plain, traced] = await Promise.all([bundleWorkflows(), bundleWorkflows({ workflowInterceptorModules: [TRACING_WORKFLOW_INTERCEPTORS] })]);
    expect(plain.code).not.toContain('@opentelemetry');
    expect(traced.code).toContain('@opentelemetry/api');
    expect(traced.code).toContain('OpenTelemetryInboundInterceptor');
  });
});
