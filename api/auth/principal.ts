import type { Role } from '../../domain/roles.ts';

/** Who is calling: a signed-in person, an integration's API token, or nobody. */
export type Principal =
  | { kind: 'user'; userId: string; name: string; roles: Role[]; csrfToken: string; sessionKey: string; mustChangePassword: boolean }
  | { kind: 'token'; tokenId: string; name: string; roles: Role[] }
  // A driver's phone: no role, so it opens none of the app's routes; only the driver API, for that driver's work.
  | { kind: 'driver'; tokenId: string; driverId: string; name: string; roles: [] }
  | { kind: 'anonymous'; name: 'anonymous'; roles: [] };

export const ANONYMOUS: Principal = { kind: 'anonymous', name: 'anonymous', roles: [] };

/** How the audit log names the caller. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'token' ? `token:${principal.name}` : principal.kind === 'driver' ? `driver:${principal.driverId}` : principal.name;
}

export type AppEnv = { Variables: { principal: Principal; secureHeadersNonce?: string; requestId: string } };
