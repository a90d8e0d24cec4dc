import { z } from 'zod';

// Control characters have no place in what people type: a NUL or an escape sequence shows as nothing, or
// as garbage, to the next reader. The patterns are plain ranges so that the OpenAPI document states them too.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const ONE_LINE = /^[^\x00-\x1f\x7f]*$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const LINES = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/;

/** A name, an id, a code: trimmed, at most `max` characters on one line (callers add `.min(1)` when it is required). */
export const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .regex(ONE_LINE, 'no control characters (line breaks, tabs, NUL)');

/** A reason, a note, a description: trimmed, at most `max` characters, line breaks and tabs allowed. */
export const paragraph = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .regex(LINES, 'no control characters other than line breaks and tabs');

/** A key of a JSON object a person writes (a fact's name, an event parameter): as given, on one line. */
export const jsonKey = (max: number) =>
  z
    .string()
    .min(1, 'a name is required')
    .max(max, `at most ${max} characters`)
    .regex(ONE_LINE, 'no control characters (line breaks, tabs, NUL)');

/** The longest id of anything Sluice stores (uuids, work area and resource ids, references). */
export const ID_MAX = 100;
