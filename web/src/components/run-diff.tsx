import { Alert, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints';
import type { Diff, RunListItem } from '../api/types';
import { OUTCOME_LABEL, ROUND_LABEL } from '../labels';
import { Loading } from './status';
import { useApi } from './use-api';

type State = Diff['people'][number]['before'];

/** School names by code, from both runs' reports (a school may be in one run only). */
type Names = ReadonlyMap<string, string>;

function describe(state: State, names: Names): string {
  if (!state) return '（不在此次分配中）';
  const school = state.schoolCode ? `${names.get(state.schoolCode) ?? ''}（${state.schoolCode}）` : '';
  const where = state.schoolCode ? ` ${school} ${state.subject ?? ''}` : '';
  return `${OUTCOME_LABEL[state.outcome]}${where}${state.round ? ` ${ROUND_LABEL[state.round]}` : ''}`;
}

function DiffResult({ from, to }: { from: number; to: number }) {
  const diff = useApi(async () => {
    const [d, a, b] = await Promise.all([api.diff(from, to), api.run(from), api.run(to)]);
    const names = new Map([...a.schools, ...b.schools].map((s) => [s.schoolCode, s.name]));
    return { d, names };
  }, `diff:${from}:${to}`);
  return (
    <Loading state={diff}>
      {({ d, names }) => (
        <>
          <Alert
            type={d.people.length === 0 ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              d.people.length === 0
                ? `分配 #${from} 与 #${to} 的结果完全相同：无人变动。`
                : `分配 #${from} → #${to}：${d.people.length} 人的结果变了，${d.schools.length} 所学校的数字或人员变了。`
            }
          />
          {d.people.length > 0 && (
            <Table
              size="small"
              rowKey="staffId"
              aria-label="变动人员"
              dataSource={[...d.people]}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '工号', dataIndex: 'staffId', width: 90 },
                { title: '姓名', dataIndex: 'name', width: 90 },
                { title: `分配 #${from}`, render: (_, p) => describe(p.before, names) },
                {
                  title: `分配 #${to}`,
                  render: (_, p) => <Tag color="orange">{describe(p.after, names)}</Tag>,
                },
              ]}
            />
          )}
          {d.schools.length > 0 && (
            <Table
              size="small"
              rowKey="schoolCode"
              aria-label="变动学校"
              style={{ marginTop: 12 }}
              dataSource={[...d.schools]}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '学校', render: (_, s) => `${s.name}（${s.schoolCode}）` },
                { title: '调入（新增）', render: (_, s) => s.gained.join('、') || '—' },
                { title: '离开', render: (_, s) => s.lost.join('、') || '—' },
                {
                  title: '空岗',
                  render: (_, s) => `${s.before?.vacancies ?? '—'} → ${s.after?.vacancies ?? '—'}`,
                },
              ]}
            />
          )}
        </>
      )}
    </Loading>
  );
}

/** 对比: pick two runs and see who changed (outcome, school, subject or round) and which schools. */
export function RunDiff({ runs, current }: { runs: readonly RunListItem[]; current?: number }) {
  // Older → newer: by default the given run against the one before it (runs come newest first).
  const to0 = current ?? runs[0]?.id;
  const [to, setTo] = useState<number | undefined>(to0);
  const [from, setFrom] = useState<number | undefined>(
    runs.find((r) => to0 !== undefined && r.id < to0)?.id ?? runs.find((r) => r.id !== to0)?.id,
  );
  const choices = runs.map((r) => ({ value: r.id, label: `#${r.id}（数据集 #${r.datasetId}）` }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        对比
        <Select
          aria-label="对比：之前的分配"
          style={{ width: 200 }}
          value={from}
          options={choices}
          onChange={setFrom}
        />
        →
        <Select
          aria-label="对比：之后的分配"
          style={{ width: 200 }}
          value={to}
          options={choices}
          onChange={setTo}
        />
      </Space>
      {runs.length < 2 && <Alert type="info" title="只有一次分配，无可对比。" />}
      {from !== undefined && to !== undefined && from !== to && <DiffResult from={from} to={to} />}
    </>
  );
}
