import {
  type Db,
  getDatasetPayload,
  getRunDecisions,
  getRunInputJson,
  insertRun,
  type JsonText,
  type RunMeta,
} from '../../db';
import { decisionHash } from '../../engine';
import type { AllocationResult } from '../../engine/types';
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import { type DatasetIssue, parseRules } from '../import';
import type { Actor } from '../plugins/auth';
import type { RunOutput } from '../workers/allocate';
import type { AllocationPool } from './allocation-pool';
import { recordWrite, WRITE } from './audit';
import { type IdempotencyClaim, type StoredAnswer, storeAnswer } from './idempotency';

/** What a new run answers with besides its stored row: no parsed AllocationResult (see RunOutput). */
export type CreatedRun = Omit<RunOutput, 'inputJson' | 'rows' | 'resultJson'> & {
  readonly resultJson: JsonText<AllocationResult>;
};

export type CreateRunOutcome =
  | { ok: true; run: RunMeta; created: CreatedRun }
  | { ok: false; reason: 'dataset_not_found' }
  | { ok: false; reason: 'rules_invalid'; issues: DatasetIssue[]; moreIssues: number };

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

export interface CreateRunRequest {
  readonly datasetId: number;
  readonly rulesOverride: unknown;
  /** The language of the rules' problems. */
  readonly lang?: Lang;
  /** The caller's Idempotency-Key and the answer to store with it, in the run's own transaction. */
  readonly idempotency?: {
    readonly claim: IdempotencyClaim;
    readonly answer: (run: RunMeta, created: CreatedRun) => StoredAnswer;
  } | null;
}

/**
 * Runs the engine on a stored dataset and stores the run — canonical input, rules, engine version, hashes,
 * full result and placements — with its audit entry, in one transaction.
 *
 * `rulesOverride` is laid over the dataset's own rules (its rules.json, else the defaults), so a body of
 * `{ crossSchool: { mechanism: 'serial_dictatorship' } }` changes that one field only.
 */
export async function createRun(
  db: Db,
  pool: AllocationPool,
  request: CreateRunRequest,
  actor: Actor,
): Promise<CreateRunOutcome> {
  const { datasetId, rulesOverride, lang = DEFAULT_LANG } = request;
  const payload = getDatasetPayload(db, datasetId);
  if (!payload) return { ok: false, reason: 'dataset_not_found' };
  let rules = payload.rulesJson;
  if (rulesOverride !== undefined) {
    const parsed = parseRules(deepMerge(rules, rulesOverride), 'rules', lang);
    if (!parsed.ok) {
      return {
        ok: false,
        reason: 'rules_invalid',
        issues: parsed.issues,
        moreIssues: parsed.moreIssues ?? 0,
      };
    }
    rules = parsed.rules;
  }

  // The engine runs in a worker thread; only the rows are written here, on the one connection.
  const { inputJson, rows, ...output } = await pool.run({ datasetJson: payload.datasetJson, rules });
  const created: CreatedRun = { ...output, resultJson: output.resultJson as JsonText<AllocationResult> };
  const hashes = {
    engineVersion: created.engineVersion,
    inputHash: created.inputHash,
    outputHash: created.outputHash,
    decisionHash: created.decisionHash,
  };
  // Repositories run on `db` inside the transaction: better-sqlite3 transactions are per connection, and the
  // placements insert needs the raw connection (see insertRun).
  const run = db.transaction(() => {
    const meta = insertRun(
      db,
      {
        datasetId,
        createdAt: new Date().toISOString(),
        createdBy: actor.id,
        ...hashes,
        rulesJson: rules,
        inputJson,
        resultJson: created.resultJson,
        summaryJson: created.summary,
        fairnessJson: created.fairness,
      },
      rows,
    );
    recordWrite(db, actor, 'run.create', `run:${meta.id}`, { datasetId, ...hashes });
    if (request.idempotency) {
      const { claim, answer } = request.idempotency;
      storeAnswer(db, claim, `run:${meta.id}`, answer(meta, created));
    }
    return meta;
  }, WRITE);
  return { ok: true, run, created };
}

export interface Replay {
  /** The replay gave the stored output byte for byte (same input, same outputHash). */
  readonly identical: boolean;
  /** Everyone is placed as in the stored run: same decisionHash. */
  readonly decisionsIdentical: boolean;
  /** The output differs in presentation only (explanations, lists, wording of data), not in decisions. */
  readonly presentationDiffers: boolean;
  readonly engineVersion: string;
  readonly replayEngineVersion: string;
  readonly inputHash: string;
  readonly replayInputHash: string;
  readonly outputHash: string;
  readonly replayOutputHash: string;
  /** The stored run's decisionHash; computed from its placements for runs of engines < 1.1.0. */
  readonly decisionHash: string;
  readonly replayDecisionHash: string;
}

/**
 * Recomputes a run from nothing but its stored canonical input and compares hashes: the output as a whole,
 * and the decisions alone, so that a run made by an engine that words things differently is still shown to
 * place everyone identically. Replays are recorded in the audit log too: who checked which run, and what
 * they found, is part of the story an auditor tells.
 */
export async function replayRun(db: Db, pool: AllocationPool, run: RunMeta, actor: Actor): Promise<Replay> {
  // Concurrent replays of one run share one computation (see AllocationPool.replay); each is recorded.
  const again = await pool.replay(run.id, () => {
    const inputJson = getRunInputJson(db, run.id);
    if (inputJson === null) throw new Error(`run ${run.id} has no stored input`);
    return inputJson;
  });
  const storedDecisions = run.decisionHash ?? decisionHash(getRunDecisions(db, run.id));
  const sameInput = again.inputHash === run.inputHash;
  const identical = sameInput && again.outputHash === run.outputHash;
  const decisionsIdentical = sameInput && again.decisionHash === storedDecisions;
  const replay: Replay = {
    identical,
    decisionsIdentical,
    presentationDiffers: decisionsIdentical && !identical,
    engineVersion: run.engineVersion,
    replayEngineVersion: again.engineVersion,
    inputHash: run.inputHash,
    replayInputHash: again.inputHash,
    outputHash: run.outputHash,
    replayOutputHash: again.outputHash,
    decisionHash: storedDecisions,
    replayDecisionHash: again.decisionHash,
  };
  db.transaction((tx) => recordWrite(tx, actor, 'run.replay', `run:${run.id}`, replay), WRITE);
  return replay;
}
