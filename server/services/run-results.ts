import { type DbExecutor, fromJsonText, getRunResultJson } from '../../db';
import type { AllocationResult } from '../../engine/types';
import { fromStoredResult } from './legacy-results';

interface Entry {
  readonly result: AllocationResult;
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
    return this.entry(runId)?.result ?? null;
  }

  /** A view of the run computed at most once per cached run; null when there is no such run. */
  view<T>(runId: number, key: string, compute: (result: AllocationResult) => T): T | null {
    const entry = this.entry(runId);
    if (!entry) return null;
    if (!entry.views.has(key)) entry.views.set(key, compute(entry.result));
    return entry.views.get(key) as T;
  }

  /** Seeds the cache with a result just computed, saving the first reader a parse. */
  remember(runId: number, result: AllocationResult): void {
    this.store(runId, { result, views: new Map() });
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
    const entry = { result: fromStoredResult(fromJsonText(json)), views: new Map<string, unknown>() };
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
