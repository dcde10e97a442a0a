import { Descriptions, Tag, Typography } from 'antd';
import { api } from '../api/endpoints';
import type { Explanation } from '../api/types';
import { OUTCOME_COLOR, OUTCOME_LABEL, ROUND_LABEL } from '../labels';
import { Loading } from './status';
import { useApi } from './use-api';

/**
 * The explanation's lines. The API gives them as `explanation: string[]` beside the placement (rendered in
 * the request's language, Chinese by default); runs served before that gave one string on the placement.
 */
function explanationLines(e: Explanation): readonly string[] {
  const lines = (e as { explanation?: unknown }).explanation;
  if (Array.isArray(lines)) return lines.filter((l): l is string => typeof l === 'string');
  const legacy = (e.placement as { explanation?: unknown }).explanation;
  return typeof legacy === 'string' ? [legacy] : [];
}

/**
 * The lines split into the path the person took and, apart, why each 志愿 above the one obtained was not
 * (steps of kind not_higher). The lines follow the placement's steps one to one; when they do not (runs
 * of engines before 1.1.0 give one paragraph), everything is the path.
 */
function splitLines(e: Explanation): { path: readonly string[]; whyNot: readonly string[] } {
  const lines = explanationLines(e);
  const steps = (e.placement as { steps?: readonly { kind: string }[] }).steps ?? [];
  if (steps.length !== lines.length) return { path: lines, whyNot: [] };
  return {
    path: lines.filter((_, i) => steps[i]?.kind !== 'not_higher'),
    whyNot: lines.filter((_, i) => steps[i]?.kind === 'not_higher'),
  };
}

function Lines({ lines, testId }: { lines: readonly string[]; testId: string }) {
  return (
    <div data-testid={testId} style={{ fontSize: 15 }}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed for a given answer.
        <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>
          {line}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

/** One person's result and the engine's explanation (in Chinese), from GET …/staff/:staffId/explanation. */
export function PersonCard({ runId, staffId }: { runId: number; staffId: string }) {
  const state = usePerson(runId, staffId);
  return <Loading state={state}>{(e) => <PersonDetails e={e} />}</Loading>;
}

/** The explanation of one person in a run (GET …/staff/:staffId/explanation), loaded once per pair. */
export const usePerson = (runId: number, staffId: string) =>
  useApi(() => api.explanation(runId, staffId), `${runId}:${staffId}`);

/** A loaded explanation: the person's figures, the path in words and why not each higher 志愿. */
export function PersonDetails({ e }: { e: Explanation }) {
  const { placement: p, schoolName, fromSchoolName } = e;
  const split = splitLines(e);
  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
        <Descriptions.Item label="工号">{p.staffId}</Descriptions.Item>
        <Descriptions.Item label="原学校">
          {fromSchoolName ?? ''}（{p.fromSchoolCode}）
        </Descriptions.Item>
        <Descriptions.Item label="聘用结果">
          <Tag color={OUTCOME_COLOR[p.outcome]}>{OUTCOME_LABEL[p.outcome]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="聘用学校">
          {p.schoolCode ? `${schoolName ?? ''}（${p.schoolCode}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="任教学科">{p.subject ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="轮次">{p.round ? ROUND_LABEL[p.round] : '—'}</Descriptions.Item>
        <Descriptions.Item label="直接聘用">
          {p.exemptReason === null ? '否' : '是（见说明）'}
        </Descriptions.Item>
        <Descriptions.Item label="第一轮排名">
          {p.round1 ? `${p.round1.subject} 第 ${p.round1.rank} / ${p.round1.of} 名` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="第二轮排名">
          {p.round2
            ? `${p.round2.schoolCode === p.schoolCode && schoolName ? `${schoolName}（${p.round2.schoolCode}）` : p.round2.schoolCode} ${p.round2.subject} 第 ${p.round2.rank} / ${p.round2.of} 名`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="所得志愿">
          {p.choiceRank ? `第 ${p.choiceRank} 志愿` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="调剂距离">
          {p.distanceKm === null ? '—' : `${p.distanceKm.toFixed(1)} 公里`}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>说明</Typography.Title>
      <Lines lines={split.path} testId="explanation" />
      {split.whyNot.length > 0 && (
        <>
          <Typography.Title level={5}>为何未获更高志愿</Typography.Title>
          <Lines lines={split.whyNot} testId="why-not-higher" />
        </>
      )}
    </>
  );
}
