/**
 * The sign-in fields' limits, apart from the schemas built on them (domain/auth.ts): the sign-in form
 * shows them as it opens, before the app loads zod.
 */
export const USERNAME_MAX_LENGTH = 64;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
