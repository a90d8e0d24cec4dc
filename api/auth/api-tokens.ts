import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { TokenView } from '../../domain/auth.ts';
import { ApiTokenRecord } from '../../store/api-token.entity.ts';
import { randomToken, sameSecret, sha256 } from './secrets.ts';

const PREFIX = 'slc';
// Writing last-used on every request would make each read a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

/** A new token `slc_<id>_<secret>`: the id finds the row, the secret proves possession. */
export function issueToken(): { id: string; secret: string; token: string } {
  const id = randomBytes(6).toString('hex');
  const secret = randomToken();
  return { id, secret, token: `${PREFIX}_${id}_${secret}` };
}

export const secretHashOf = sha256;

export function toTokenView(record: ApiTokenRecord): TokenView {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    prefix: `${PREFIX}_${record.id}`,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}

/** The live token record for a bearer token, or null; notes when it was last used. */
export async function findToken(em: EntityManager, token: string, now = new Date()): Promise<ApiTokenRecord | null> {
  const match = /^slc_([0-9a-f]{12})_([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const record = await em.findOne(ApiTokenRecord, { id });
  if (!record || record.revokedAt || !sameSecret(sha256(secret), record.secretHash)) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await em.nativeUpdate(ApiTokenRecord, { id }, { lastUsedAt: now });
  }
  return record;
}
