import { z } from 'zod';

// Control characters have no place in what people type: a NUL or an escape sequence shows as nothing, or
// as garbage, to the next reader. The patterns are plain ranges so that the OpenAPI document states them too,
// and a required field's pattern asks for one visible character, as trimming and then `min(1)` do.
/* eslint-disable no-control-regex -- refusing control characters is the point */
const ONE_LINE = /^[^\x00-\x1f\x7f]*$/;
const VISIBLE_ONE_LINE = /^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$/;
const LINES = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/;
const VISIBLE_LINES = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/;
/* eslint-enable no-control-regex */

const NO_CONTROLS = 'no control characters (line breaks, tabs, NUL)';
const NO_CONTROLS_BUT_LINES = 'no control characters other than line breaks and tabs';

/** A name, an id, a code: trimmed, 1 to `max` characters on one line; `empty` says what a blank one lacks. */
export const oneLine = (max: number, empty = 'cannot be empty') =>
  z
    .string()
    .trim()
    .min(1, { message: empty, abort: true })
    .max(max, `at most ${max} characters`)
    .regex(VISIBLE_ONE_LINE, NO_CONTROLS);

/** Text to look for: trimmed, at most `max` characters on one line, possibly empty. */
export const searchText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).regex(ONE_LINE, NO_CONTROLS);

/** A reason, a note, a description: trimmed, at most `max` characters, line breaks and tabs allowed; required when `empty` says what a blank one lacks. */
export const paragraph = (max: number, empty?: string) => {
  const text = z.string().trim();
  return empty === undefined
    ? text.max(max, `at most ${max} characters`).regex(LINES, NO_CONTROLS_BUT_LINES)
    : text.min(1, { message: empty, abort: true }).max(max, `at most ${max} characters`).regex(VISIBLE_LINES, NO_CONTROLS_BUT_LINES);
};

/** A key of a JSON object a person writes (a fact's name, an event parameter): as given, on one line. */
export const jsonKey = (max: number) =>
  z
    .string()
    .min(1, 'a name is required')
    .max(max, `at most ${max} characters`)
    .regex(ONE_LINE, NO_CONTROLS);

/** The longest id of anything Sluice stores (uuids, work area and resource ids, references). */
export const ID_MAX = 100;
