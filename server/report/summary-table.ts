import type { AllocationResult, OutcomeCounts, Stage } from '../../engine';

const OUTCOME_ROWS: readonly [keyof Omit<OutcomeCounts, 'total'>, string][] = [
  ['inSchool', '校内竞聘 in-school'],
  ['crossSchool', '跨校竞聘 cross-school'],
  ['administrative', '组织调剂 administrative'],
  ['resigned', '辞职 resigned'],
  ['standby', '待岗 standby'],
];
const STAGE_NAMES: Record<Stage, string> = {
  high: '高中 high',
  middle: '初中 middle',
  primary: '小学 primary',
  kindergarten: '幼儿园 kindergarten',
};

/** As the report prints a share: one decimal, always. */
const pct = (n: number) => `${n.toFixed(1)}%`;

const count = (n: number) => n.toLocaleString('en-US');

/** East Asian characters take two terminal columns; pad by display width so the table lines up. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}
const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - width(text))) + text;

/**
 * The county report's table — count and percentage per outcome, then per stage — followed by the
 * fairness check and the hashes an auditor quotes to replay the run.
 */
export function formatSummaryTable(result: AllocationResult): string {
  const s = result.summary;
  const lines: string[] = [];
  lines.push(`${padEnd('Outcome 结果', 26)}${padStart('Count', 9)}${padStart('%', 8)}`);
  for (const [key, label] of OUTCOME_ROWS) {
    lines.push(`${padEnd(label, 26)}${padStart(count(s[key]), 9)}${padStart(pct(s.percent[key]), 8)}`);
  }
  lines.push(
    `${padEnd('合计 total', 26)}${padStart(count(s.total), 9)}${padStart(s.total > 0 ? '100.0%' : '0.0%', 8)}`,
  );
  lines.push('');

  const head = ['Stage 学段', 'Staff', '校内', '跨校', '调剂', '辞职', '待岗'];
  lines.push(
    padEnd(head[0]!, 24) +
      head
        .slice(1)
        .map((h) => padStart(h, 8))
        .join(''),
  );
  for (const row of s.byStage) {
    const cells = [row.total, row.inSchool, row.crossSchool, row.administrative, row.resigned, row.standby];
    lines.push(padEnd(STAGE_NAMES[row.stage], 24) + cells.map((n) => padStart(count(n), 8)).join(''));
  }
  const schoolsByStage = new Map<Stage, number>();
  for (const school of result.schools)
    schoolsByStage.set(school.stage, (schoolsByStage.get(school.stage) ?? 0) + 1);
  lines.push(
    `Schools 学校: ${result.schools.length} (${s.byStage.map((r) => `${STAGE_NAMES[r.stage].split(' ')[0]} ${schoolsByStage.get(r.stage) ?? 0}`).join(', ')})`,
  );
  lines.push('');

  const f = result.fairness;
  const obtained = f.choiceRanks.map((n, i) => `#${i + 1}: ${n}`).join(', ') || 'none';
  lines.push(
    `Fairness: justified envy ${f.justifiedEnvy}, waste ${f.wastefulness}, capacity violations ${f.capacityViolations}, eligibility violations ${f.eligibilityViolations}`,
  );
  lines.push(
    `Unfilled posts ${f.unfilledPosts}; direct-hire overflow ${f.exemptOverflow}; round-2 choice obtained ${obtained}`,
  );
  lines.push(`Mechanism ${result.rules.crossSchool.mechanism}; engine ${result.engineVersion}`);
  lines.push(`inputHash  ${result.inputHash}`);
  lines.push(`outputHash ${result.outputHash}`);
  return lines.join('\n');
}
