import { canonicalDataset, canonicalRules, sha256Json } from './canonical';
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
  const canon = canonicalDataset(dataset);
  const rules = canonicalRules(givenRules);
  const inputHash = sha256Json({ dataset: canon, rules });
  const ctx = buildContext(canon, rules);
  const state = newRunState(canon);
  const out: RoundOutput = { round1Lists: [], round2Lists: [], warnings: [] };
  for (const round of ROUNDS) round(ctx, state, out);

  const placements = state.people.map(toPlacement);
  const body = {
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
  return { ...body, outputHash: sha256Json(body) };
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
