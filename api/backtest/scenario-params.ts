import type { EntityManager } from '@mikro-orm/sql';
import { recordedDay } from '../../sim/scenarios/recorded-day.ts';
import { readRecordedDay } from '../../store/recorded-day.ts';
import { UserError } from '../errors.ts';

type Setting = number | boolean | string | null;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Yesterday (UTC) as YYYY-MM-DD: the latest whole day there is to replay. */
export const yesterday = (now = Date.now()) => new Date(now - 86_400_000).toISOString().slice(0, 10);

/**
 * The parameters the simulation gets: as asked, except that a recorded day is read from the store here (the
 * simulation is pure) and handed over as data in place of its date.
 */
export async function scenarioParams(em: EntityManager, scenario: string, params: Record<string, Setting>): Promise<Record<string, unknown>> {
  if (scenario !== recordedDay.name) return params;
  const { date, ...rest } = params;
  if (typeof date !== 'string' || !DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UserError(400, 'bad_date', `A recorded day is named by its date: give params.date as YYYY-MM-DD, e.g. ${yesterday()}.`);
  }
  return { ...rest, day: await readRecordedDay(em, date) };
}
