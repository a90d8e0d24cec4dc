import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from './sql.ts';

/*
 * An order that enters an area's pool calls the area's controller for a cycle. Under load hundreds of
 * orders enter between two cycles, and one call is enough for all of them: the area remembers that a call
 * is out, and the cycle answers it (clears it) before it reads the pool. So an order that finds a call out
 * is seen by the cycle that answers it, since that cycle reads the pool after the order entered it.
 */

/**
 * A call older than this is made again: the one out may have been lost (the controller was terminated by
 * hand, the signal never left), and calling is also how a stopped controller is started again.
 */
export const CYCLE_CALL_EXPIRES_MS = 10_000;

/** Claims the area's call for a cycle: true if the caller must signal the controller, false if a call is out. */
export async function claimCycleCall(em: EntityManager, workAreaId: string, now: Date): Promise<boolean> {
  const { numAffectedRows } = await sql`update work_areas set cycle_called_at = ${now}
    where id = ${workAreaId} and (cycle_called_at is null or cycle_called_at <= ${new Date(now.getTime() - CYCLE_CALL_EXPIRES_MS)})`.execute(sqlOn(em));
  return numAffectedRows !== 0n;
}

/**
 * Claims the area's call as made at `calledAt` by one caller, who may claim it again: true if the caller
 * must signal the controller (a call made again by its caller is signalled again, as the first attempt may
 * have committed and never signalled), false if another's call is out.
 */
export async function claimOwnCycleCall(em: EntityManager, workAreaId: string, calledAt: Date, now: Date): Promise<boolean> {
  const { numAffectedRows } = await sql`update work_areas set cycle_called_at = ${calledAt}
    where id = ${workAreaId} and (cycle_called_at is null or cycle_called_at <= ${new Date(now.getTime() - CYCLE_CALL_EXPIRES_MS)} or cycle_called_at = ${calledAt})`.execute(sqlOn(em));
  return numAffectedRows !== 0n;
}

/** Whether a call for a cycle is out: the cycle that answers it reads the pool and the capacity after now. */
export async function cycleCallOut(em: EntityManager, workAreaId: string, now: Date): Promise<boolean> {
  const { rows } = await sql`select 1 from work_areas where id = ${workAreaId} and cycle_called_at > ${new Date(now.getTime() - CYCLE_CALL_EXPIRES_MS)}`.execute(sqlOn(em));
  return rows.length > 0;
}

/** Answers the area's call; committed before the cycle reads the pool, so a call made after it goes out again. */
export async function answerCycleCall(em: EntityManager, workAreaId: string): Promise<void> {
  await sql`update work_areas set cycle_called_at = null where id = ${workAreaId} and cycle_called_at is not null`.execute(sqlOn(em));
}

