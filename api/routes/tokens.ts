import { z } from 'zod';
import { createdToken, createTokenRequest, tokenView } from '../../domain/auth.ts';
import { ApiTokenRecord } from '../../store/api-token.entity.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { ApiDeps } from '../api-deps.ts';
import { issueToken, secretHashOf, toTokenView } from '../auth/api-tokens.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, STANDARD_ERRORS } from '../schemas.ts';

export function tokenRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/tokens',
      operationId: 'listTokens',
      summary: 'Listing API tokens',
      tag: 'Access',
      access: 'tokens.manage',
      responses: { 200: { description: 'Every token, revoked ones included; never the secret.', schema: z.object({ tokens: z.array(tokenView) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ tokens: (await em().findAll(ApiTokenRecord, { orderBy: { createdAt: 'desc' } })).map(toTokenView) }),
    }),
    defineRoute({
      method: 'post',
      path: '/tokens',
      operationId: 'createToken',
      summary: 'Creating API tokens',
      tag: 'Access',
      access: 'tokens.manage',
      body: createTokenRequest,
      responses: { 201: { description: 'Created. `token` is shown this once and cannot be read again.', schema: createdToken }, ...STANDARD_ERRORS },
      handler: async (c, { body, principal }) => {
        const tx = em();
        const issued = issueToken();
        const record = tx.create(ApiTokenRecord, {
          id: issued.id,
          name: body.name,
          role: body.role,
          secretHash: secretHashOf(issued.secret),
          createdBy: actorOf(principal),
          createdAt: new Date(),
          lastUsedAt: null,
          revokedAt: null,
        });
        appendAudit(tx, { dedupeKey: `token-created:${issued.id}`, subjectType: 'token', subjectId: issued.id, action: 'token_created', actor: actorOf(principal), data: { name: body.name, role: body.role } });
        await tx.flush();
        return c.json({ ...toTokenView(record), token: issued.token }, 201);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/tokens/:id',
      operationId: 'revokeToken',
      summary: 'Revoking API tokens',
      tag: 'Access',
      access: 'tokens.manage',
      params: idParams,
      responses: { 200: { description: 'Revoked: it no longer opens anything.', schema: tokenView }, 404: { description: 'No such token.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, principal }) => {
        const tx = em();
        const record = await tx.findOne(ApiTokenRecord, { id: params.id });
        if (!record) throw notFound(`API token ${params.id}`);
        if (!record.revokedAt) {
          record.revokedAt = new Date();
          appendAudit(tx, { dedupeKey: `token-revoked:${record.id}`, subjectType: 'token', subjectId: record.id, action: 'token_revoked', actor: actorOf(principal), data: { name: record.name } });
          await tx.flush();
        }
        return c.json(toTokenView(record));
      },
    }),
  ];
}
