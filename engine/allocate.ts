import { canonicalDataset, canonicalRules, sha256Hex, sha256Json, sortedJson } from './canonical';
import { buildContext, newRunState, type PersonState } from './context';
import { decisionHash } from './decision-hash';
import { checkFairness } from './fairness';
import { schoolReports, summarize } from './report';
import { ROUNDS } from './rounds';
import type { RoundOutput } from './rounds/round';
import { DEFAULT_RULES } from './rules';
import type { AllocationResult, Dataset, Placement, Rules } from './types';
import { ENGINE_VERSION } from './version';

/**
 * Runs a county's three rounds (SPEC §3) and returns every person's outcome with its explanation, the
 * per-school report, the summary, the fairness audit and the input/output hashes. A pure function of
 * (dataset, rules, engine version): row order does not matter and the same input gives the same bytes.
 *
 * @example
 * const result = allocate(dataset);
 * result.summary.inSchool; // e.g. 3147 on the 阳城 2020 fixture
 */
export function allocate(dataset: Dataset, givenRules: Rules = DEFAULT_RULES): AllocationResult {
  const body = runRounds(dataset, givenRules, sha256Json);
  return { ...body, outputHash: sha256Json(body) };
}

/** {@link allocate}'s result with the JSON texts a stored run keeps. */
export interface SerialisedAllocation {
  readonly result: AllocationResult;
  /** The canonical input, as `canonicalInput(dataset, rules)` writes it; `inputHash` is its SHA-256. */
  readonly inputJson: string;
  /** `JSON.stringify(result)`. */
  readonly resultJson: string;
}

/**
 * {@link allocate}, for a caller that stores the run: the canonical input and the result are each
 * serialised once, and their hashes taken from those very texts, instead of serialising once to hash and
 * again to store. It holds the whole texts, so {@link allocate} (which hashes in chunks) suits a very
 * large county that is not stored.
 *
 * @example
 * const { result, inputJson, resultJson } = allocateSerialised(dataset);
 * JSON.parse(resultJson).outputHash === result.outputHash; // true
 */
export function allocateSerialised(
  dataset: Dataset,
  givenRules: Rules = DEFAULT_RULES,
): SerialisedAllocation {
  let inputJson = '';
  const body = runRounds(dataset, givenRules, (input) => {
    inputJson = sortedJson(input);
    return sha256Hex(inputJson);
  });
  const bodyJson = sortedJson(body);
  const outputHash = sha256Hex(bodyJson);
  // The body's keys then outputHash: exactly what JSON.stringify({ ...body, outputHash }) writes.
  const resultJson = `${bodyJson.slice(0, -1)},"outputHash":"${outputHash}"}`;
  return { result: { ...body, outputHash }, inputJson, resultJson };
}

/** The run itself: everything of the result but its output hash. `hashInput` hashes the canonical input. */
function runRounds(
  dataset: Dataset,
  givenRules: Rules,
  hashInput: (input: { dataset: Dataset; rules: Rules }) => string,
): Omit<AllocationResult, 'outputHash'> {
  const canon = canonicalDataset(dataset);
  const rules = canonicalRules(givenRules);
  const inputHash = hashInput({ dataset: canon, rules });
  const ctx = buildContext(canon, rules);
  const state = newRunState(canon);
  const out: RoundOutput = { round1Lists: [], round2Lists: [], warnings: [] };
  for (const round of ROUNDS) round(ctx, state, out);

  const placements = state.people.map(toPlacement);
  return {
    decisionHash: decisionHash(placements),
    engineVersion: ENGINE_VERSION,
    fairness: checkFairness(canon, rules, placements),
    inputHash,
    placements,
    round1Lists: out.round1Lists,
    round2Lists: out.round2Lists,
    rules,
    schools: schoolReports(ctx, state, placements),
    summary: summarize(ctx, placements),
    warnings: out.warnings,
  };
}

function toPlacement(p: PersonState): Placement {
  return {
    choiceRank: p.choiceRank,
    distanceKm: p.distanceKm,
    exemptReason: p.exemptReason,
    fromSchoolCode: p.staff.schoolCode,
    name: p.staff.name,
    outcome: p.outcome ?? 'standby',
    round: p.round,
    round1: p.round1,
    round2: p.round2,
    schoolCode: p.schoolCode,
    staffId: p.staff.id,
    steps: p.steps,
    subject: p.subject,
  };
}
