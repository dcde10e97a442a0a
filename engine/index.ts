/** The allocation engine's public surface: pure functions and the domain's types. */
export { allocate } from './allocate';
export { canonicalInput, canonicalJson, sha256Hex } from './canonical';
export { type Decision, decisionHash } from './decision-hash';
export { certCovers, isNearRetirement } from './eligibility';
export { checkFairness } from './fairness';
export { percentages } from './percent';
export { DEFAULT_RULES, type PartialRules, withDefaults } from './rules';
export * from './steps';
export * from './types';
export { ENGINE_VERSION } from './version';
