import { can, describeRolesFor, ROLE_LABELS } from '../../domain/roles.ts';
import type { Principal } from '../auth/principal.ts';
import { sameSecret } from '../auth/secrets.ts';
import { UserError } from '../errors.ts';
import type { AnyRoute } from './route.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Applies a route's policy to the caller: 401 for nobody, 403 with the role it needs for the wrong person. */
export function enforceAccess(route: AnyRoute, principal: Principal, method: string, csrfHeader: string | undefined): void {
  if (route.access === 'public') return;
  if (principal.kind === 'anonymous') {
    throw new UserError(401, 'unauthenticated', 'Sign in first, or send an API token as "Authorization: Bearer slc_…".');
  }
  if (principal.kind === 'user' && !SAFE_METHODS.has(method) && !(csrfHeader && sameSecret(csrfHeader, principal.csrfToken))) {
    throw new UserError(403, 'csrf_failed', 'This request did not carry the session\'s X-CSRF-Token header; reload the page and try again.');
  }
  // A driver's token opens the driver API only; the driver API takes nothing else, not even an admin's session.
  if (route.access === 'driver') {
    if (principal.kind !== 'driver') throw new UserError(403, 'forbidden', `${route.summary} is for drivers: call it with your driver token (ask a dispatcher for one).`);
    return;
  }
  if (principal.kind === 'driver') throw new UserError(403, 'forbidden', `A driver's token opens the driver API (/driver/…) only: ${route.summary.toLowerCase()} is not part of it.`);
  if (route.access === 'signed_in') return;
  if (principal.kind === 'user' && principal.mustChangePassword) {
    throw new UserError(403, 'password_change_required', 'Choose a new password first: the one you signed in with was a one-time password.');
  }
  if (!can(principal.roles, route.access)) {
    const have = principal.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'no role';
    throw new UserError(403, 'forbidden', `${route.summary} needs ${describeRolesFor(route.access)}; ${principal.name} has ${have}.`);
  }
}
