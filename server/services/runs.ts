import {
  type Db,
  getDatasetPayload,
  getRunInputJson,
  insertRun,
  type NewPlacementRow,
  type RunMeta,
} from '../../db';
import { allocate, allocateSerialised } from '../../engine';
import type { AllocationResult, Dataset, Rules } from '../../engine/types';
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { type DatasetIssue, parseRules } from '../import';
import type { Actor } from '../plugins/auth';
import { recordWrite, WRITE } from './audit';
import { parseStoredDataset } from './datasets';

export type CreateRunOutcome =
  | { ok: true; run: RunMeta; result: AllocationResult }
  | { ok: false; reason: 'dataset_not_found' }
  | { ok: false; reason: 'rules_invalid'; issues: DatasetIssue[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lays `override` over `base` field by field (arrays and scalars replace), like rules.json over defaults. */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}

function placementRows(dataset: Dataset, result: AllocationResult): Omit<NewPlacementRow, 'runId'>[] {
  const names = new Map(dataset.schools.map((s) => [s.code, s.name]));
  return result.placements.map((p) => ({
    staffId: p.staffId,
    name: p.name,
    outcome: p.outcome,
    schoolCode: p.schoolCode,
    schoolName: p.schoolCode === null ? null : (names.get(p.schoolCode) ?? null),
    subject: p.subject,
    round: p.round,
    fromSchoolCode: p.fromSchoolCode,
    fromSchoolName: names.get(p.fromSchoolCode) ?? '',
    choiceRank: p.choiceRank,
    distanceKm: p.distanceKm,
    explanation: p.explanation,
  }));
}

/**
 * Runs the engine on a stored dataset and stores the run — canonical input, rules, engine version, hashes,
 * full result and placements — with its audit entry, in one transaction.
 *
 * `rulesOverride` is laid over the dataset's own rules (its rules.json, else the defaults), so a body of
 * `{ crossSchool: { mechanism: 'serial_dictatorship' } }` changes that one field only.
 */
export function createRun(
  db: Db,
  datasetId: number,
  rulesOverride: unknown,
  actor: Actor,
  lang: Lang = DEFAULT_LANG,
): CreateRunOutcome {
  const payload = getDatasetPayload(db, datasetId);
  if (!payload) return { ok: false, reason: 'dataset_not_found' };
  const stored = parseStoredDataset(payload);
  let rules: Rules = stored.rules;
  if (rulesOverride !== undefined) {
    const parsed = parseRules(deepMerge(stored.rules, rulesOverride), 'rules', lang);
    if (!parsed.ok) return { ok: false, reason: 'rules_invalid', issues: parsed.issues };
    rules = parsed.rules;
  }

  // Serialised once: the hashes are taken from the very texts stored.
  const { result, inputJson, resultJson } = allocateSerialised(stored.dataset, rules);
  const rows = placementRows(stored.dataset, result);
  // Repositories run on `db` inside the transaction: better-sqlite3 transactions are per connection, and the
  // placements insert needs the raw connection (see insertRun).
  const run = db.transaction(() => {
    const meta = insertRun(
      db,
      {
        datasetId,
        createdAt: new Date().toISOString(),
        createdBy: actor.id,
        engineVersion: result.engineVersion,
        inputHash: result.inputHash,
        outputHash: result.outputHash,
        rulesJson: JSON.stringify(rules),
        inputJson,
        resultJson,
        summaryJson: JSON.stringify(result.summary),
        fairnessJson: JSON.stringify(result.fairness),
      },
      rows,
    );
    recordWrite(db, actor, 'run.create', `run:${meta.id}`, {
      datasetId,
      engineVersion: result.engineVersion,
      inputHash: result.inputHash,
      outputHash: result.outputHash,
    });
    return meta;
  }, WRITE);
  return { ok: true, run, result };
}

export interface Replay {
  readonly identical: boolean;
  readonly engineVersion: string;
  readonly replayEngineVersion: string;
  readonly inputHash: string;
  readonly replayInputHash: string;
  readonly outputHash: string;
  readonly replayOutputHash: string;
}

/**
 * Recomputes a run from nothing but its stored canonical input and compares hashes. Replays are recorded in
 * the audit log too: who checked which run, and what they found, is part of the story an auditor tells.
 */
export function replayRun(db: Db, run: RunMeta, actor: Actor): Replay | null {
  const inputJson = getRunInputJson(db, run.id);
  if (inputJson === null) return null;
  const input = JSON.parse(inputJson) as { dataset: Dataset; rules: Rules };
  const again = allocate(input.dataset, input.rules);
  const replay: Replay = {
    identical: again.outputHash === run.outputHash && again.inputHash === run.inputHash,
    engineVersion: run.engineVersion,
    replayEngineVersion: again.engineVersion,
    inputHash: run.inputHash,
    replayInputHash: again.inputHash,
    outputHash: run.outputHash,
    replayOutputHash: again.outputHash,
  };
  db.transaction((tx) => recordWrite(tx, actor, 'run.replay', `run:${run.id}`, replay), WRITE);
  return replay;
}
