import { availableParallelism } from 'node:os';

/**
 * The service's bounds under load (docs/API.md "Limits"). Every one is a number a county's IT office can
 * raise; none is unbounded.
 */
export interface Limits {
  /** Worker threads allocating at once (runs and replays). */
  readonly allocationThreads: number;
  /** Allocations waiting for a thread; one more answers 503 SERVER_BUSY with Retry-After. */
  readonly allocationQueue: number;
  /** Uploads parsed at once by this server; one more answers 503 SERVER_BUSY with Retry-After. */
  readonly concurrentUploads: number;
  /** Writes (uploads, runs, replays) per token per minute; one more answers 429 RATE_LIMITED. */
  readonly writesPerMinute: number;
}

export const DEFAULT_LIMITS: Limits = {
  // Leave a core to the event loop that answers reads.
  allocationThreads: Math.max(1, availableParallelism() - 1),
  allocationQueue: 8,
  concurrentUploads: 2,
  writesPerMinute: 60,
};
