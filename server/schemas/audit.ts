import { z } from 'zod';
import { LangField, list } from './common';

export const AuditQuery = z.strictObject({
  lang: LangField,
  afterSeq: z.coerce.number().int().min(0).default(0).describe('Return entries after this sequence number'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  subject: z.string(),
  detail: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditPageSchema = z.object({
  entries: list(AuditEntrySchema),
  nextAfterSeq: z.number().int().nullable(),
});

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
