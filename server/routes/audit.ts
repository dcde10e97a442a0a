import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit, verifyAuditChain } from '../../db';
import { AuditPageSchema, AuditQuery, AuditVerificationSchema } from '../schemas/audit';
import { authErrors, LangQuery } from '../schemas/common';
import type { RouteDeps } from './deps';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  app.get(
    '/api/audit-log',
    {
      config: { roles: ['hr', 'auditor'] },
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, oldest first, paged by sequence number',
        querystring: AuditQuery,
        response: { 200: AuditPageSchema, ...authErrors },
      },
    },
    async (request) => {
      const { afterSeq, limit } = request.query;
      const rows = listAudit(db, { afterSeq, limit });
      return {
        entries: rows.map(({ detailJson, ...row }) => ({
          ...row,
          detail: JSON.parse(detailJson) as unknown,
        })),
        nextAfterSeq: rows.length === limit ? (rows.at(-1)?.seq ?? null) : null,
      };
    },
  );

  app.get(
    '/api/audit-log/verify',
    {
      config: { roles: ['hr', 'auditor'] },
      schema: {
        tags: ['audit'],
        querystring: LangQuery,
        summary: 'Recompute the hash chain: ok=false names the first altered or missing entry',
        response: { 200: AuditVerificationSchema, ...authErrors },
      },
    },
    async () => verifyAuditChain(db),
  );
};
