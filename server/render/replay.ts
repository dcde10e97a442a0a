import type { Lang } from '../i18n/lang';

interface ReplayFinding {
  readonly identical: boolean;
  readonly decisionsIdentical: boolean;
  readonly engineVersion: string;
  readonly replayEngineVersion: string;
  readonly inputHash: string;
  readonly replayInputHash: string;
}

/**
 * What a replay found, said plainly: identical; or the same decisions in another presentation (an engine
 * that words or lists things differently); or different decisions.
 */
export function replayVerdict(r: ReplayFinding, lang: Lang): string {
  const versions =
    r.engineVersion === r.replayEngineVersion
      ? lang === 'zh'
        ? `引擎版本 ${r.engineVersion}`
        : `engine ${r.engineVersion}`
      : lang === 'zh'
        ? `原引擎 ${r.engineVersion}，重放引擎 ${r.replayEngineVersion}`
        : `stored by engine ${r.engineVersion}, replayed by ${r.replayEngineVersion}`;
  if (r.inputHash !== r.replayInputHash) {
    return lang === 'zh'
      ? `输入不一致：重放所用输入的哈希与原运行不同（${versions}）`
      : `Input differs: the replayed input does not hash to the stored one (${versions})`;
  }
  if (r.identical) {
    return lang === 'zh'
      ? `完全一致：聘用决定与全部输出逐字节相同（${versions}）`
      : `Identical: decisions and the whole output are the same byte for byte (${versions})`;
  }
  if (r.decisionsIdentical) {
    return lang === 'zh'
      ? `聘用决定完全一致，仅表述不同：每个人的聘用结果、学校、学科和轮次均未改变，说明等展示内容有变化（${versions}）`
      : `Decisions identical, presentation differs: everyone has the same outcome, school, subject and round; explanations or lists are presented differently (${versions})`;
  }
  return lang === 'zh'
    ? `聘用决定不一致：至少一人的聘用结果、学校、学科或轮次不同（${versions}）`
    : `Decisions differ: at least one person's outcome, school, subject or round is not the same (${versions})`;
}
