/**
 * The engine's version, semver, stored with every run:
 * - major when the decisions (who goes where, in which round) can change for the same input;
 * - minor when only the presentation changes (steps, lists, warnings: the outputHash, not the decisionHash);
 * - patch for changes that leave the output byte for byte the same.
 * tests/engine/golden-hash.test.ts pins the fixture's hashes next to this number, so no change slips through
 * without a conscious bump. Replays compare it, and the hashes, with the stored run's.
 *
 * 1.1.0: explanations as typed steps, typed warnings, decisionHash (decisions identical to 1.0.0).
 */
export const ENGINE_VERSION = '1.1.0';
