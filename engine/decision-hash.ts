import { canonicalJson, compareStrings, sha256Hex } from './canonical';
import type { Placement } from './types';

/** The part of a placement that is a decision: who, which outcome, where, in what subject, in which round. */
export type Decision = Pick<Placement, 'staffId' | 'outcome' | 'schoolCode' | 'subject' | 'round'>;

/**
 * `decisionHash`: SHA-256 of the canonical JSON of the decisions only — `[{outcome, round, schoolCode,
 * staffId, subject}, …]` sorted by staffId — so that wording, ranks shown or explanation steps can change
 * without changing it. Two runs with equal decision hashes placed everyone identically. It can be computed
 * from any stored run's placements, including runs made before this hash existed.
 *
 * @example
 * decisionHash([{ staffId: 'T1', outcome: 'standby', schoolCode: null, subject: null, round: null }]);
 * // sha256('[{"outcome":"standby","round":null,"schoolCode":null,"staffId":"T1","subject":null}]')
 */
export function decisionHash(placements: readonly Decision[]): string {
  const decisions = placements
    .map((p) => ({
      outcome: p.outcome,
      round: p.round,
      schoolCode: p.schoolCode,
      staffId: p.staffId,
      subject: p.subject,
    }))
    .sort((a, b) => compareStrings(a.staffId, b.staffId));
  return sha256Hex(canonicalJson(decisions));
}
