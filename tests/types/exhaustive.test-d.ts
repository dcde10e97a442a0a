/**
 * Type tests, checked by `npm run lint` (tsc) and never run. Each table keyed by an outcome names every
 * outcome, so it does not fit an outcome union with one more member: were one added to OUTCOMES, these
 * tables (and every `Record<Outcome, …>`) would stop compiling until it is handled. The full check, on a
 * patched copy of the repository, is tests/types/outcome-exhaustive.test.ts.
 */
import { OUTCOME_KEYS, type Outcome, ROUND_OUTCOMES, type RoundNumber, type Step } from '../../engine';
import { OUTCOME_WORDS, ROUND_WORDS, type Words } from '../../server/render';

type OneMoreOutcome = Outcome | 'retired';
type OneMoreRound = RoundNumber | 4;

export const fits: [Record<Outcome, Words>, Record<Outcome, string>] = [OUTCOME_WORDS, OUTCOME_KEYS];

// @ts-expect-error the 公示 words have no entry for an outcome they do not know
export const words: Record<OneMoreOutcome, Words> = OUTCOME_WORDS;

// @ts-expect-error nor do the keys of counts and shares
export const keys: Record<OneMoreOutcome, string> = OUTCOME_KEYS;

// @ts-expect-error a fourth round has no outcome…
export const rounds: Record<OneMoreRound, Outcome> = ROUND_OUTCOMES;

// @ts-expect-error …and no words
export const roundWords: Record<0 | OneMoreRound, Words> = ROUND_WORDS;

// @ts-expect-error a step of an unknown kind is not a step
export const step: Step = { kind: 'transferred', round: 4 };
