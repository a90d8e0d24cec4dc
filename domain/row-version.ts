import { z } from 'zod';

/**
 * The version a change was read at (0 before a row's first edit). Version columns are 32-bit
 * integers on both databases and a change writes the next version, so a number whose next one does
 * not fit is refused here rather than by PostgreSQL.
 */
export const rowVersionInput = z.number().int().min(0).max(2_147_483_646);
