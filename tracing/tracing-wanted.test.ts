import { describe, expect, it } from 'vitest';
import { tracingWanted } from './tracing-wanted.ts';

describe('whether a process traces', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, false],
    [{ SLUICE_TRACING: 'otlp' }, true],
    [{ SLUICE_TRACING: 'OTLP' }, true],
    [{ SLUICE_TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }, false],
    [{ SLUICE_TRACING: 'otlp', OTEL_TRACES_EXPORTER: 'none' }, false],
  ])('%j: %s', (env, wanted) => {
    expect(tracingWanted(env)).toBe(wanted);
  });

  it('refuses a SLUICE_TRACING it does not know', () => {
    expect(() => tracingWanted({ SLUICE_TRACING: 'jaeger' })).toThrow(/SLUICE_TRACING must be otlp or off/);
  });
});
