import { type DbExecutor, fromJsonText, getRunResultJson, type JsonText } from '../../db';
import type { AllocationResult } from '../../engine/types';
import { fromStoredResult } from './legacy-results';

/** A school's code and name, as the 公示 and explanations word them. */
export interface SchoolName {
  readonly schoolCode: string;
  readonly name: string;
}

interface Entry {
  /** Parsed on first use: a run just made is remembered as its text, so its 公示 can be served unparsed. */
  readonly result: () => AllocationResult;
  readonly schools: readonly SchoolName[];
  /** Views derived from the result (e.g. a school's candidate lists), computed once per run. */
  readonly views: Map<string, unknown>;
}

/**
 * Parsed results of recent runs, kept in memory. Runs are immutable, so an entry never goes stale; parsing
 * a county's result JSON takes tens of milliseconds, which read endpoints under load cannot pay each time.
 */
export class RunResults {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly db: DbExecutor,
    private readonly capacity = 8,
  ) {}

  /** The run's result, or null when there is no such run. */
  get(runId: number): AllocationResult | null {
    return this.entry(runId)?.result() ?? null;
  }

  /** The run's schools, codes and names (cheaper than get() for a run just made); null when no such run. */
  schools(runId: number): readonly SchoolName[] | null {
    return this.entry(runId)?.schools ?? null;
  }

  /** A view of the run computed at most once per cached run; null when there is no such run. */
  view<T>(runId: number, key: string, compute: (result: AllocationResult) => T): T | null {
    const entry = this.entry(runId);
    if (!entry) return null;
    if (!entry.views.has(key)) entry.views.set(key, compute(entry.result()));
    return entry.views.get(key) as T;
  }

  /**
   * Seeds the cache with a run just made: its stored text, parsed only when a reader needs the whole result,
   * and its schools, which the 公示 lists need at once.
   */
  remember(runId: number, resultJson: JsonText<AllocationResult>, schools: readonly SchoolName[]): void {
    this.store(runId, {
      result: lazy(() => fromStoredResult(fromJsonText(resultJson))),
      schools,
      views: new Map(),
    });
  }

  private entry(runId: number): Entry | null {
    const hit = this.entries.get(runId);
    if (hit) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(runId);
      this.entries.set(runId, hit);
      return hit;
    }
    const json = getRunResultJson(this.db, runId);
    if (json === null) return null;
    const result = fromStoredResult(fromJsonText(json));
    const entry: Entry = { result: () => result, schools: result.schools, views: new Map<string, unknown>() };
    this.store(runId, entry);
    return entry;
  }

  private store(runId: number, entry: Entry): void {
    this.entries.set(runId, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** `compute` run once, on the first call. */
function lazy<T>(compute: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => {
    value ??= { v: compute() };
    return value.v;
  };
}
