import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';
import { withLogContext } from './log-context.ts';
import { announcer, createLogger, logOptions } from './logger.ts';

function capture(env: NodeJS.ProcessEnv = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(env, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('the logger', () => {
  it.each([
    ['password', { password: 'p' }],
    ['a nested new password', { body: { newPassword: 'p', currentPassword: 'q' } }],
    ['a token and a secret', { token: 't', detail: { secret: 's', apiKey: 'k' } }],
    ['request headers', { req: { headers: { authorization: 'Bearer slc_x', cookie: 'sluice_session=x', 'x-csrf-token': 'c' } } }],
    ['a response cookie', { res: { headers: { 'set-cookie': 'sluice_session=x' } } }],
  ])('censors %s', (_, fields) => {
    const { logger, lines } = capture();
    logger.info(fields, 'line');
    expect(JSON.stringify(lines[0])).not.toMatch(/"(p|q|t|s|k|c|Bearer slc_x|sluice_session=x)"/);
    expect(JSON.stringify(lines[0])).toContain('[redacted]');
  });

  it('adds the fields of the context it logs in, the innermost winning', () => {
    const { logger, lines } = capture();
    withLogContext({ requestId: 'r1', orderId: 'o1' }, () => withLogContext({ orderId: 'o2' }, () => logger.info('inside')));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'r1', orderId: 'o2', msg: 'inside', level: 'info' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('writes only at or above SLUICE_LOG_LEVEL', () => {
    const { logger, lines } = capture({ SLUICE_LOG_LEVEL: 'warn' });
    logger.info('quiet');
    logger.warn('heard');
    expect(lines.map((l) => l.msg)).toEqual(['heard']);
  });

  it('writes the line a supervisor waits for whatever the level', () => {
    const { logger, lines } = capture({ SLUICE_LOG_LEVEL: 'error' });
    announcer(logger).info('listening on http://127.0.0.1:3000');
    expect(lines.map((l) => l.msg)).toEqual(['listening on http://127.0.0.1:3000']);
  });

  it.each([
    [{}, { format: 'json', level: 'info' }],
    [{ SLUICE_LOG_FORMAT: 'pretty', SLUICE_LOG_LEVEL: 'DEBUG' }, { format: 'pretty', level: 'debug' }],
    [{ SLUICE_LOG_FORMAT: ' JSON ', SLUICE_LOG_LEVEL: '' }, { format: 'json', level: 'info' }],
  ])('reads %j as %j', (env, expected) => {
    expect(logOptions(env)).toEqual(expected);
  });

  it.each([
    [{ SLUICE_LOG_FORMAT: 'xml' }, /SLUICE_LOG_FORMAT must be json or pretty/],
    [{ SLUICE_LOG_LEVEL: 'loud' }, /SLUICE_LOG_LEVEL must be one of/],
  ])('refuses %j', (env, message) => {
    expect(() => logOptions(env)).toThrow(message);
  });

  it("turns a process's crash into a last JSON line, and still exits 1", () => {
    const script = `import { logProcess } from ${JSON.stringify(join(repoRoot, 'logging/logger.ts'))}; logProcess('api'); setTimeout(() => { throw new Error('nobody caught this'); });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, SLUICE_LOG_LEVEL: 'info' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ level: 'fatal', name: 'api', msg: 'crashed', err: { message: 'nobody caught this' } });
  });
});
