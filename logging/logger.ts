import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { logContext } from './log-context.ts';

export type { Logger } from 'pino';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/*
 * Nothing logs a request's headers or body, so these are a second guard: a field of one of these
 * names that finds its way into a line (an error's details, a child's bindings) is censored, at the
 * top level and one level down.
 */
const SECRET_KEYS = ['authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'csrfToken', 'password', 'currentPassword', 'newPassword', 'oneTimePassword', 'token', 'secret', 'apiKey'];
export const REDACT_PATHS = [
  ...SECRET_KEYS.map((key) => `["${key}"]`),
  ...SECRET_KEYS.map((key) => `*["${key}"]`),
  ...SECRET_KEYS.map((key) => `*.headers["${key}"]`),
];

/** How a process logs: `SLUICE_LOG_FORMAT` (`json`, the default, or `pretty`) and `SLUICE_LOG_LEVEL` (`info` unless set). */
export function logOptions(env: NodeJS.ProcessEnv = process.env): { format: 'json' | 'pretty'; level: (typeof LEVELS)[number] } {
  const format = env.SLUICE_LOG_FORMAT?.trim().toLowerCase() || 'json';
  if (format !== 'json' && format !== 'pretty') throw new Error(`SLUICE_LOG_FORMAT must be json or pretty (got "${format}")`);
  const level = env.SLUICE_LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!(LEVELS as readonly string[]).includes(level)) throw new Error(`SLUICE_LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${level}")`);
  return { format, level: level as (typeof LEVELS)[number] };
}

/** A logger writing JSON lines (or pretty ones for a person) to `destination`, stdout unless given. */
export function createLogger(env: NodeJS.ProcessEnv = process.env, destination?: DestinationStream): Logger {
  const { format, level } = logOptions(env);
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: logContext,
  };
  // Synchronous, so that the line explaining an exit is written before process.exit.
  if (format === 'pretty') return pino(options, pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true, ...(destination ? { destination } : {}) }));
  return pino(options, destination ?? pino.destination({ fd: 1, sync: true }));
}

/**
 * Names the process on every line, and makes a crash (an exception or a rejection nobody caught) one
 * last JSON line rather than a bare stack on stderr; it still exits 1, as Node would.
 */
export function logProcess(name: string, logger: Logger = log): void {
  logger.setBindings({ name });
  process.once('uncaughtException', (err) => {
    logger.fatal({ err }, 'crashed');
    process.exit(1);
  });
}

/**
 * For the line a supervisor waits for before it counts a process as started (the API listening, the
 * worker polling): written at `info` even when `SLUICE_LOG_LEVEL` is higher, so no level hides it.
 */
export const announcer = (logger: Logger = log): Logger => logger.child({}, { level: 'info' });

/**
 * The process's logger. Each entry point names its process once (`logProcess('api')`);
 * a request's or an activity's lines carry its ids through `withLogContext`.
 */
export const log = createLogger();
