/**
 * Whether a process traces, from OpenTelemetry's own variables: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or `SLUICE_TRACING=otlp`
 * (OTLP/HTTP to the default `http://localhost:4318`), unless `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none`. Off by default, and then no tracing code is even loaded.
 */
export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return false;
  const switched = env.SLUICE_TRACING?.trim().toLowerCase();
  if (switched && switched !== 'otlp' && switched !== 'off') throw new Error(`SLUICE_TRACING must be otlp or off (got "${switched}")`);
  if (switched === 'off') return false;
  return switched === 'otlp' || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}
