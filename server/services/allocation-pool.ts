import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ServerBusy } from '../errors';
import type { ReplayOutput, RunOutput, RunTask } from '../workers/allocate';

export interface AllocationPoolOptions {
  /** Worker threads allocating at once; the rest of the machine serves reads. */
  readonly threads: number;
  /** Tasks waiting for a thread; one more is refused with 503 SERVER_BUSY. */
  readonly queue: number;
  /** Retry-After of that 503, in seconds. */
  readonly retryAfterSeconds?: number;
}

const WORKER = fileURLToPath(new URL('../workers/allocate-worker.mjs', import.meta.url));

/**
 * Allocations (runs and replays) in a bounded pool of worker threads (piscina), so a county-sized run never
 * stalls the event loop that answers reads. Bounded twice: `threads` at work, `queue` waiting; a full
 * queue answers 503 with Retry-After rather than growing memory. Concurrent replays of one run share one
 * computation. The workers load the TypeScript engine through tsx (server/workers/allocate-worker.mjs), under
 * `npm start` and vitest alike.
 */
export class AllocationPool {
  private readonly pool: Piscina;
  private readonly replays = new Map<number, Promise<ReplayOutput>>();
  private readonly retryAfterSeconds: number;

  constructor(options: AllocationPoolOptions) {
    this.pool = new Piscina({
      filename: WORKER,
      // The entry registers tsx itself; no loader flags of the parent (vitest's, tsx's) are inherited.
      execArgv: [],
      minThreads: 0,
      maxThreads: options.threads,
      maxQueue: options.queue,
      // Keep a warm worker a while: starting one (tsx + engine) costs a few hundred milliseconds.
      idleTimeout: 60_000,
    });
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
  }

  /** Runs the engine on a stored dataset; SERVER_BUSY when the queue is full. */
  run(task: RunTask): Promise<RunOutput> {
    return this.submit<RunOutput>(task, 'run');
  }

  /**
   * Replays run `runId` from its canonical input. Callers asking while a replay of the same run is under
   * way get that replay's answer: one computation, however many auditors press the button.
   */
  replay(runId: number, inputJson: () => string): Promise<ReplayOutput> {
    const running = this.replays.get(runId);
    if (running) return running;
    const started = this.submit<ReplayOutput>(inputJson(), 'replay').finally(() =>
      this.replays.delete(runId),
    );
    this.replays.set(runId, started);
    return started;
  }

  /** Tasks finished so far (tests count computations with it). */
  get completed(): number {
    return this.pool.completed;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private async submit<T>(task: unknown, name: 'run' | 'replay'): Promise<T> {
    // Checked before run(): piscina's own refusal is an untyped Error.
    if (this.pool.queueSize >= this.pool.options.maxQueue) throw new ServerBusy(this.retryAfterSeconds);
    return (await this.pool.run(task, { name })) as T;
  }
}
