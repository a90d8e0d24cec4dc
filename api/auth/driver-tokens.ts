import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { insertAudit } from '../../store/audit-log.ts';
import { DriverTokenRecord } from '../../store/drivers/driver-profile.entity.ts';
import { randomToken, sameSecret, sha256 } from './secrets.ts';

// Its own prefix, so that a driver token is never taken for an integration's (slc_) and the other way round.
const PREFIX = 'sld';
const SHAPE = /^sld_([0-9a-f]{12})_([A-Za-z0-9_-]+)$/;
// A phone polls its trips every few seconds: noting each use would make every read a write.
const LAST_USED_PRECISION_MS = 60_000;

export const isDriverToken = (token: string) => token.startsWith(`${PREFIX}_`);

export const driverTokenView = z.object({
  id: z.string(),
  driverId: z.string(),
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdDriverToken = driverTokenView.extend({ token: z.string().describe('Shown this once: give it to the driver’s app. It cannot be read again.') });

export const toDriverTokenView = (r: DriverTokenRecord): z.infer<typeof driverTokenView> => ({
  id: r.id,
  driverId: r.driverId,
  prefix: `${PREFIX}_${r.id}`,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** A new token for a driver, stored hashed and audited in one transaction; the token itself is returned this once. */
export async function issueDriverToken(em: EntityManager, driverId: string, who: { by: string; now: Date }): Promise<{ record: DriverTokenRecord; token: string }> {
  const id = randomBytes(6).toString('hex');
  const secret = randomToken();
  return em.fork().transactional(async (tx) => {
    const record = tx.create(DriverTokenRecord, { id, driverId, secretHash: sha256(secret), createdBy: who.by, createdAt: who.now, lastUsedAt: null, revokedAt: null });
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `driver-token-issued:${id}`, subjectType: 'driver', subjectId: driverId, action: 'token_issued', actor: who.by, at: who.now, data: { tokenId: id } });
    return { record, token: `${PREFIX}_${id}_${secret}` };
  });
}

/** Revokes a driver's token; null when the driver has no such token. Revoking twice changes nothing. */
export async function revokeDriverToken(em: EntityManager, driverId: string, tokenId: string, who: { by: string; now: Date }): Promise<DriverTokenRecord | null> {
  return em.fork().transactional(async (tx) => {
    const record = await tx.findOne(DriverTokenRecord, { id: tokenId, driverId });
    if (!record || record.revokedAt) return record;
    record.revokedAt = who.now;
    await tx.flush();
    await insertAudit(tx, { dedupeKey: `driver-token-revoked:${tokenId}`, subjectType: 'driver', subjectId: driverId, action: 'token_revoked', actor: who.by, at: who.now, data: { tokenId } });
    return record;
  });
}

/** The live driver token for a bearer token, or null; notes when it was last used. */
export async function findDriverToken(em: EntityManager, token: string, now = new Date()): Promise<DriverTokenRecord | null> {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const record = await em.findOne(DriverTokenRecord, { id });
  if (!record || record.revokedAt || !sameSecret(sha256(secret), record.secretHash)) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) await em.nativeUpdate(DriverTokenRecord, { id }, { lastUsedAt: now });
  return record;
}
