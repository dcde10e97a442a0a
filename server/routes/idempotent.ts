import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db';
import {
  type IdempotencyClaim,
  IdempotencyRace,
  priorAnswer,
  readClaim,
  type StoredAnswer,
} from '../services/idempotency';

function resend(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  return reply.code(answer.statusCode).header('idempotent-replayed', 'true').send(answer.body);
}

/**
 * A POST that creates something, made safe to retry with an Idempotency-Key: the same key and body get the
 * first answer again (nothing created), the same key with another body a 422. `create` gets the claim to
 * store inside its own transaction; when a concurrent twin committed first, its answer is given instead.
 *
 * @param fingerprint what identifies the request body (e.g. each uploaded file's SHA-256)
 */
export async function idempotent(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  fingerprint: unknown,
  create: (claim: IdempotencyClaim | null) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const claim = readClaim(
    request.headers['idempotency-key'],
    request.actor.id,
    `${request.method} ${request.routeOptions.url ?? ''}`,
    fingerprint,
  );
  const prior = claim && priorAnswer(db, claim);
  if (prior) return resend(reply, prior);
  try {
    return await create(claim);
  } catch (error) {
    const twin = claim && error instanceof IdempotencyRace ? priorAnswer(db, claim) : null;
    if (twin) return resend(reply, twin);
    throw error;
  }
}
