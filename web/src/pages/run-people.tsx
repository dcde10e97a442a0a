import { Button, Drawer, Input, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PlacementRow } from '../api/types';
import { PersonCard } from '../components/person-card';
import { OUTCOME_COLOR, OUTCOME_LABEL, OUTCOME_ORDER, ROUND_LABEL } from '../labels';

const byString = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN');
const byNumber = (a: number | null, b: number | null) =>
  (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);

/** Distinct values of a column as table filter options. */
function options(
  rows: readonly PlacementRow[],
  pick: (r: PlacementRow) => string | null,
  label = (v: string) => v,
) {
  const values = [...new Set(rows.map(pick).filter((v): v is string => v !== null))].sort();
  return values.map((v) => ({ text: label(v), value: v }));
}

/**
 * Every person of the run: search by 姓名 or 工号, sort and filter by column, 20 a page; a row opens the
 * person's card with the explanation.
 */
export function PeopleTable({ runId, rows }: { runId: number; rows: readonly PlacementRow[] }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<PlacementRow | null>(null);
  const shown = useMemo(() => {
    const q = query.trim();
    return q === ''
      ? [...rows]
      : rows.filter((r) => r.name.includes(q) || r.staffId.toUpperCase().includes(q.toUpperCase()));
  }, [rows, query]);
  const schools = useMemo(() => options(rows, (r) => r.fromSchoolName), [rows]);
  const subjects = useMemo(() => options(rows, (r) => r.subject), [rows]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="按姓名或工号查找"
          placeholder="按姓名或工号查找"
          allowClear
          style={{ width: 280 }}
          onSearch={(v) => {
            setQuery(v);
            const exact = rows.filter((r) => r.staffId === v.trim() || r.name === v.trim());
            if (exact.length === 1 && exact[0]) setOpen(exact[0]);
          }}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span>共 {shown.length} 人</span>
      </Space>
      <Table<PlacementRow>
        size="small"
        rowKey="staffId"
        dataSource={shown}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showQuickJumper: true,
        }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '工号',
            dataIndex: 'staffId',
            width: 90,
            sorter: (a, b) => byString(a.staffId, b.staffId),
          },
          {
            title: '姓名',
            dataIndex: 'name',
            width: 90,
            render: (name: string, r) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={(e) => {
                  e.stopPropagation();
                  setOpen(r);
                }}
              >
                {name}
              </Button>
            ),
          },
          {
            title: '原学校',
            dataIndex: 'fromSchoolName',
            filters: schools,
            filterSearch: true,
            onFilter: (v, r) => r.fromSchoolName === v,
            sorter: (a, b) => byString(a.fromSchoolCode, b.fromSchoolCode),
          },
          {
            title: '聘用结果',
            dataIndex: 'outcome',
            width: 110,
            filters: OUTCOME_ORDER.map((o) => ({ text: OUTCOME_LABEL[o], value: o })),
            onFilter: (v, r) => r.outcome === v,
            render: (o: PlacementRow['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{OUTCOME_LABEL[o]}</Tag>,
          },
          {
            title: '聘用学校',
            dataIndex: 'schoolName',
            render: (v: string | null) => v ?? '—',
            sorter: (a, b) => byString(a.schoolCode, b.schoolCode),
          },
          {
            title: '学科',
            dataIndex: 'subject',
            width: 90,
            filters: subjects,
            onFilter: (v, r) => r.subject === v,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '轮次',
            dataIndex: 'round',
            width: 80,
            sorter: (a, b) => byNumber(a.round, b.round),
            render: (v: number | null) => (v ? ROUND_LABEL[v] : '—'),
          },
          {
            title: '所得志愿',
            dataIndex: 'choiceRank',
            width: 90,
            sorter: (a, b) => byNumber(a.choiceRank, b.choiceRank),
            render: (v: number | null) => (v ? `第${v}志愿` : '—'),
          },
          {
            title: '调剂距离',
            dataIndex: 'distanceKm',
            width: 100,
            sorter: (a, b) => byNumber(a.distanceKm, b.distanceKm),
            render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} 公里`),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={640}
        title={open ? `${open.name}（${open.staffId}）` : ''}
        extra={open && <Link to={`/runs/${runId}/staff/${encodeURIComponent(open.staffId)}`}>单独打开</Link>}
      >
        {open && <PersonCard runId={runId} staffId={open.staffId} />}
      </Drawer>
    </>
  );
}
