import { type AllocationResult, OUTCOME_KEYS, OUTCOMES, STAGES } from '../../engine';
import type { Lang } from '../i18n/lang';
import { OUTCOME_WORDS, STAGE_WORDS, TIE_BREAK_WORDS } from '../render';

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

const LABELS = {
  zh: {
    outcome: '聘用结果',
    count: '人数',
    share: '占比',
    total: '合计',
    stage: '学段',
    staff: '人数',
    schools: (n: number, parts: string) => `学校 ${n} 所（${parts}）`,
    fairness: (f: AllocationResult['fairness']) =>
      `公平性检查：合理嫉妒 ${f.justifiedEnvy}，浪费 ${f.wastefulness}，超编 ${f.capacityViolations}，资格不符 ${f.eligibilityViolations}`,
    unfilled: (f: AllocationResult['fairness'], obtained: string) =>
      `空缺岗位 ${f.unfilledPosts}；直聘超岗 ${f.exemptOverflow}；第二轮所得志愿 ${obtained}`,
    choice: (i: number, n: number) => `第${i}志愿 ${n} 人`,
    none: '无',
    mechanism: { deferred_acceptance: '延迟接受（教师申请）', serial_dictatorship: '按得分依次选岗' },
    rules: (m: string, tie: string, v: string) => `第二轮机制：${m}；同分排序：${tie}；引擎版本 ${v}`,
  },
  en: {
    outcome: 'Outcome',
    count: 'Count',
    share: '%',
    total: 'total',
    stage: 'Stage',
    staff: 'Staff',
    schools: (n: number, parts: string) => `Schools: ${n} (${parts})`,
    fairness: (f: AllocationResult['fairness']) =>
      `Fairness: justified envy ${f.justifiedEnvy}, waste ${f.wastefulness}, capacity violations ${f.capacityViolations}, eligibility violations ${f.eligibilityViolations}`,
    unfilled: (f: AllocationResult['fairness'], obtained: string) =>
      `Unfilled posts ${f.unfilledPosts}; direct-hire overflow ${f.exemptOverflow}; round-2 choice obtained ${obtained}`,
    choice: (i: number, n: number) => `#${i}: ${n}`,
    none: 'none',
    mechanism: { deferred_acceptance: 'deferred acceptance', serial_dictatorship: 'serial dictatorship' },
    rules: (m: string, tie: string, v: string) => `Mechanism ${m}; tie-break ${tie}; engine ${v}`,
  },
} as const satisfies Record<Lang, unknown>;

/**
 * The county report's table — count and percentage per outcome, then per stage — followed by the
 * fairness check and the hashes an auditor quotes to replay the run, in Chinese (default) or English.
 */
export function formatSummaryTable(result: AllocationResult, lang: Lang = 'zh'): string {
  const s = result.summary;
  const L = LABELS[lang];
  const lines: string[] = [];
  lines.push(`${padEnd(L.outcome, 26)}${padStart(L.count, 9)}${padStart(L.share, 8)}`);
  for (const outcome of OUTCOMES) {
    const key = OUTCOME_KEYS[outcome];
    const label = OUTCOME_WORDS[outcome][lang];
    lines.push(`${padEnd(label, 26)}${padStart(count(s[key]), 9)}${padStart(pct(s.percent[key]), 8)}`);
  }
  lines.push(
    `${padEnd(L.total, 26)}${padStart(count(s.total), 9)}${padStart(s.total > 0 ? '100.0%' : '0.0%', 8)}`,
  );
  lines.push('');

  const head = [L.stage, L.staff, ...OUTCOMES.map((o) => OUTCOME_WORDS[o][lang])];
  const col = Math.max(...head.slice(1).map(width)) + 2;
  lines.push(
    padEnd(head[0]!, 16) +
      head
        .slice(1)
        .map((h) => padStart(h, col))
        .join(''),
  );
  for (const row of s.byStage) {
    const cells = [row.total, ...OUTCOMES.map((o) => row[OUTCOME_KEYS[o]])];
    lines.push(padEnd(STAGE_WORDS[row.stage][lang], 16) + cells.map((n) => padStart(count(n), col)).join(''));
  }
  const schools = (stage: (typeof STAGES)[number]) => result.schools.filter((x) => x.stage === stage).length;
  const sep = lang === 'zh' ? '，' : ', ';
  lines.push(
    L.schools(result.schools.length, STAGES.map((st) => `${STAGE_WORDS[st][lang]} ${schools(st)}`).join(sep)),
  );
  lines.push('');

  const f = result.fairness;
  const obtained = f.choiceRanks.map((n, i) => L.choice(i + 1, n)).join(sep) || L.none;
  lines.push(L.fairness(f));
  lines.push(L.unfilled(f, obtained));
  const tie = result.rules.tieBreak.map((k) => TIE_BREAK_WORDS[k][lang]).join(' > ');
  lines.push(L.rules(L.mechanism[result.rules.crossSchool.mechanism], tie, result.engineVersion));
  lines.push(`inputHash    ${result.inputHash}`);
  lines.push(`decisionHash ${result.decisionHash}`);
  lines.push(`outputHash   ${result.outputHash}`);
  return lines.join('\n');
}
