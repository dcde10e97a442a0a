/**
 * Percentages to one decimal that add up to exactly 100, by the largest-remainder method — the way the
 * county report rounds its table (3,147 / 198 / 137 / 5 of 3,487 → 90.3 / 5.7 / 3.9 / 0.1, where rounding
 * each on its own would give 90.2 and a total of 99.9). Ties in remainder go to the earlier count.
 *
 * @example
 * percentages([3147, 198, 137, 5, 0]); // [90.3, 5.7, 3.9, 0.1, 0]
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const tenths = counts.map((n) => (n * 1000) / total);
  const floors = tenths.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = tenths
    .map((t, i) => [t - Math.floor(t), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return floors.map((f) => f / 10);
}
