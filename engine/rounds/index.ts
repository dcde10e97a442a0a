import { administrativeRound } from './administrative';
import { crossSchoolRound } from './cross-school';
import { inSchoolRound } from './in-school';
import { preRound } from './pre-round';
import type { Round } from './round';

/** The rounds in the order they run: before round 1, then 校内竞聘, 跨校竞聘, 组织调剂. */
export const ROUNDS: readonly Round[] = [preRound, inSchoolRound, crossSchoolRound, administrativeRound];
