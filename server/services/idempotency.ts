import { createHash } from 'node:crypto';
import { type DbExecutor, findIdempotencyKey, insertIdempotencyKey } from '../../db';
import { canonicalJson } from '../../engine';
import { IdempotencyKeyInvalid, IdempotencyKeyReused } from '../errors';

/** A caller's Idempotency-Key for one request, with the fingerprint of what it asked. */
export interface IdempotencyClaim {
  /** Whose key it is (the actor id): two callers' keys never meet. */
  readonly scope: string;
  readonly key: string;
  /** SHA-256 of the route and the canonical body (keys sorted: `{a,b}` and `{b,a}` are one body). */
  readonly requestHash: string;
}

/** The answer first given to a key, sent again as it was. */
export interface StoredAnswer {
  readonly statusCode: number;
  readonly body: unknown;
}

/** Raised inside a write transaction when a concurrent request with the same key committed first. */
export class IdempotencyRace extends Error {
  constructor() {
    super('idempotency key claimed by a concurrent request');
  }
}

const KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * The claim of a request, or null when it sent no Idempotency-Key.
 *
 * @param header the Idempotency-Key header: 1–128 visible ASCII characters (IDEMPOTENCY_KEY_INVALID else)
 * @param fingerprint what identifies the request's body (for uploads: each file's SHA-256, not its bytes)
 */
export function readClaim(
  header: string | string[] | undefined,
  scope: string,
  route: string,
  fingerprint: unknown,
): IdempotencyClaim | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY.test(header)) throw new IdempotencyKeyInvalid();
  const requestHash = createHash('sha256')
    .update(canonicalJson({ route, body: fingerprint }))
    .digest('hex');
  return { scope, key: header, requestHash };
}

/**
 * The answer already given to this key, or null when it is new.
 * Throws IDEMPOTENCY_KEY_REUSED (422) when the key was used with another body.
 */
export function priorAnswer(db: DbExecutor, claim: IdempotencyClaim): StoredAnswer | null {
  const row = findIdempotencyKey(db, claim.scope, claim.key);
  if (!row) return null;
  if (row.requestHash !== claim.requestHash) throw new IdempotencyKeyReused();
  return { statusCode: row.statusCode, body: JSON.parse(row.responseJson) as unknown };
}

/**
 * Stores the key with the resource it created and the answer; call inside that resource's transaction.
 * Throws {@link IdempotencyRace} (rolling the transaction back) when a concurrent request stored it first.
 */
export function storeAnswer(
  tx: DbExecutor,
  claim: IdempotencyClaim,
  resource: string,
  answer: StoredAnswer,
): void {
  if (findIdempotencyKey(tx, claim.scope, claim.key)) throw new IdempotencyRace();
  insertIdempotencyKey(tx, {
    scope: claim.scope,
    key: claim.key,
    requestHash: claim.requestHash,
    resource,
    statusCode: answer.statusCode,
    responseJson: JSON.stringify(answer.body),
    createdAt: new Date().toISOString(),
  });
}
