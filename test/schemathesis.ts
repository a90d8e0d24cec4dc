import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemathesisCommand } from '../launcher/schemathesis-cli.ts';

export interface FuzzRun {
  /** Where the API listens: only this origin is called (no redirects are followed). */
  baseUrl: string;
  /** Sent with every request, e.g. an API token's Authorization header. */
  headers: Record<string, string>;
  /** Test cases per operation and phase; with the fixed seed it fixes the number of requests. */
  maxExamples: number;
  /** Extra Schemathesis arguments, e.g. operation filters. */
  args?: string[];
  /** Settings by operation ("POST /orders/{id}/actions"): fixed parameters (an order that exists, to get past the 404) or how many events of a stream to read. */
  operations?: Record<string, OperationSettings>;
  /** The whole run is stopped past this. */
  timeoutMs: number;
}

export interface OperationSettings {
  parameters?: Record<string, string>;
  'max-stream-events'?: number;
}

export interface FuzzResult {
  passed: boolean;
  /** One line: operations, requests, failures and time. */
  summary: string;
  /** Schemathesis's own report of the failures (its output from the first failure on), empty when it passed. */
  failures: string;
}

interface JsonReport {
  running_time: number;
  operations: { tested: number };
  test_cases: { generated: number; unique_failures: number };
  errors: unknown[];
}

// The checks the API promises: no 5xx, and every answer documented, with its status, content type and schema.
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];
// A fixed seed and Hypothesis derandomized: the same inputs on every run, whatever the date or machine.
const SEED = '14';

/** Schemathesis reads schemathesis.toml from its working folder. JSON strings and numbers are valid TOML values. */
function configFile(operations: Record<string, OperationSettings>): string {
  const toml = (value: unknown): string =>
    value && typeof value === 'object' ? `{ ${Object.entries(value).map(([key, v]) => `${JSON.stringify(key)} = ${toml(v)}`).join(', ')} }` : JSON.stringify(value);
  return Object.entries(operations)
    .map(([name, settings]) => [`[[operations]]`, `include-name = ${toml(name)}`, ...Object.entries(settings).map(([key, value]) => `${key} = ${toml(value)}`), ''].join('\n'))
    .join('\n');
}

/** Runs Schemathesis against the API's own /openapi.json and reads its JSON report. */
export async function fuzzApi(st: SchemathesisCommand, run: FuzzRun): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-schemathesis-'));
  const reportPath = join(dir, 'report.json');
  writeFileSync(join(dir, 'schemathesis.toml'), configFile(run.operations ?? {}));
  const args = [
    ...st.args, 'run', `${run.baseUrl}/openapi.json`,
    '--checks', CHECKS.join(','),
    '--seed', SEED, '--generation-deterministic',
    '--max-examples', String(run.maxExamples),
    '--workers', '1', '--request-timeout', '20', '--max-redirects', '0',
    // Hypothesis's health checks judge its own generation, not the API: slow on a loaded machine, and
    // filtering much for the ruleset bodies, whose recursive conditions carry patterns and bounds.
    '--suppress-health-check', 'too_slow,filter_too_much',
    ...Object.entries(run.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
    '--report', 'json', '--report-json-path', reportPath,
    '--no-color', '--output-truncate', 'true',
    ...(run.args ?? []),
  ];
  try {
    const { code, output } = await new Promise<{ code: number | string; output: string }>((resolve) => {
      execFile(st.program, args, { env: { ...st.env, COLUMNS: '120' }, cwd: dir, timeout: run.timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (error.code ?? error.signal ?? 'error') : 0, output: `${stdout}${stderr}` }),
      );
    });
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8')) as JsonReport;
    } catch {
      return { passed: false, summary: `schemathesis stopped without a report (exit ${code})`, failures: output };
    }
    const failures = report.test_cases.unique_failures + report.errors.length;
    // Each test case is one request (a stateful scenario's steps are test cases of their own).
    const summary = `schemathesis: ${report.operations.tested} operations, ${report.test_cases.generated} requests, ${failures} failures in ${Math.round(report.running_time)} s`;
    const passed = code === 0 && failures === 0;
    return { passed, summary, failures: passed ? '' : output.slice(Math.max(0, output.search(/^=+ (FAILURES|ERRORS) =+$/m))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
