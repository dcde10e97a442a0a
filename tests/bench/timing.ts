import { performance } from 'node:perf_hooks';

/** Median and minimum of `runs` timed calls, after one warm-up call (so the JIT has compiled the hot paths). */
export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  /**
   * Median CPU time of this process per run (user + system, GC threads included). On a machine shared with
   * other work the wall-clock figures grow with the load and this one much less, so it tells them apart.
   */
  readonly cpuMedianMs: number;
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
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    check(result);
  }
  return {
    runs,
    medianMs: round1(median(times)),
    minMs: round1(Math.min(...times)),
    cpuMedianMs: round1(median(cpu)),
  };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
