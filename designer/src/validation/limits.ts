/** The most a field of a domain schema takes, for an input's maxLength or max: a person meets the limit while typing, not after submitting. */
export const maxLengthOf = (schema: { maxLength: number | null }) => schema.maxLength ?? undefined;
export const maxValueOf = (schema: { maxValue: number | null }) => schema.maxValue ?? undefined;
