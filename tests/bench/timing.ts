import { performance } from 'node:perf_hooks';

/** Median and minimum of `runs` timed calls, after one warm-up call (so the JIT has compiled the hot paths). */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Times `fn` `runs` times. Runs follow each other without a forced collection in between, as they would in
 * the server: forcing one (gc()) shrinks the heap and makes the next run pay to grow it again.
 * `check` sees every result (e.g. to prove the output is deterministic).
 */
export async function timeRuns<T>(
  runs: number,
  fn: () => T | Promise<T>,
  check: (result: T) => void = () => {},
): Promise<Timing> {
  check(await fn());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = await fn();
    times.push(performance.now() - t0);
    check(result);
  }
  return { runs, medianMs: round1(median(times)), minMs: round1(Math.min(...times)) };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
