import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_MAX_LENGTH } from './auth-limits.ts';
import { ROLES } from './roles.ts';
import { oneLine } from './text.ts';

export { PASSWORD_MIN_LENGTH };

export const role = z.enum(ROLES);

const newPassword = z.string().min(PASSWORD_MIN_LENGTH, `a password needs at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH);
const username = z
  .string()
  .trim()
  .min(2)
  .max(USERNAME_MAX_LENGTH)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, dots, dashes and underscores');

export const loginRequest = z.strictObject({ username: oneLine(USERNAME_MAX_LENGTH), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
export type LoginRequest = z.infer<typeof loginRequest>;

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

/** `GET /auth/me`: who is signed in, and the token to send as `X-CSRF-Token` on every change. */
export const sessionView = z.object({
  user: userView,
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const changePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword });

export const createUserRequest = z.strictObject({
  username,
  displayName: oneLine(100),
  roles: z.array(role).min(1, 'give the user at least one role').max(ROLES.length),
  password: newPassword,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const setRolesRequest = z.strictObject({ roles: z.array(role).min(1, 'give the user at least one role').max(ROLES.length) });

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  role,
  /** The token's public part, to recognise it; the secret is never stored. */
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

export const createTokenRequest = z.strictObject({ name: oneLine(100), role });

/** Answered once, on creation: `token` is shown this one time and cannot be read again. */
export const createdToken = tokenView.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdToken>;
