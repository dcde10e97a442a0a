import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Spin, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, publicityUrl } from '../api/endpoints';
import type { RunDetail } from '../api/types';
import { RunDiff } from '../components/run-diff';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { AREA_LABEL, count, STAGE_LABEL, shortHash, when } from '../labels';
import { useUser } from '../session';
import { PeopleTable } from './run-people';
import { OutcomeCounts, ReportTables } from './run-report';

// ECharts is the largest part of the console: loaded when a run's charts are first shown, not at login.
const RunCharts = lazy(() => import('./run-charts').then((m) => ({ default: m.RunCharts })));

function SchoolsTable({ run }: { run: RunDetail }) {
  return (
    <Table
      size="small"
      rowKey="schoolCode"
      dataSource={[...run.schools]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '代码',
          dataIndex: 'schoolCode',
          width: 80,
          sorter: (a, b) => a.schoolCode.localeCompare(b.schoolCode),
        },
        {
          title: '学校',
          dataIndex: 'name',
          render: (name: string, s) => <Link to={`/runs/${run.id}/schools/${s.schoolCode}`}>{name}</Link>,
        },
        {
          title: '学段',
          dataIndex: 'stage',
          width: 70,
          filters: Object.entries(STAGE_LABEL).map(([value, text]) => ({ value, text })),
          onFilter: (v, s) => s.stage === v,
          render: (v: keyof typeof STAGE_LABEL) => STAGE_LABEL[v],
        },
        { title: '城乡', width: 60, render: (_, s) => AREA_LABEL[run.areas[s.schoolCode] ?? ''] ?? '—' },
        { title: '岗位', dataIndex: 'posts', align: 'right', sorter: (a, b) => a.posts - b.posts },
        { title: '第一轮', dataIndex: 'round1', align: 'right' },
        { title: '第二轮', dataIndex: 'round2', align: 'right' },
        { title: '第三轮', dataIndex: 'round3', align: 'right' },
        {
          title: '空岗',
          dataIndex: 'vacancies',
          align: 'right',
          sorter: (a, b) => a.vacancies - b.vacancies,
        },
        { title: '调出', dataIndex: 'staffOut', align: 'right', sorter: (a, b) => a.staffOut - b.staffOut },
        { title: '调入', dataIndex: 'staffIn', align: 'right', sorter: (a, b) => a.staffIn - b.staffIn },
        {
          title: '公示',
          render: (_, s) => (
            <Space size={4}>
              <a href={publicityUrl(run.id, 'csv', s.schoolCode)} download>
                CSV
              </a>
              <a href={publicityUrl(run.id, 'xlsx', s.schoolCode)} download>
                Excel
              </a>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** /runs/:id: the report's tables and counts, charts, schools, people with explanations, 公示, 对比. */
export function RunPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const run = useApi(() => api.run(id), `run:${id}`);
  // The person table and the flows chart need every placement; loaded beside the run, not before it.
  const placements = useApi(() => api.placements(id), `placements:${id}`);
  const runs = useApi(
    () => (user.role === 'principal' ? Promise.resolve({ runs: [] }) : api.runs()),
    `runs:${user.role}`,
  );
  // The open tab is in the URL (?tab=people): reload, a shared link and 返回 from a person keep it.
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') ?? '';
  const tab = ['charts', 'schools', 'people', 'diff'].includes(asked) ? asked : 'report';
  const openTab = (key: string) =>
    setParams(key === 'report' ? {} : { tab: key }, { replace: true, preventScrollReset: true });
  return (
    <Loading state={run}>
      {(r) => (
        <>
          <PageTitle
            extra={
              <Space>
                <Button icon={<DownloadOutlined />} href={publicityUrl(r.id, 'csv')} download>
                  公示（全县 CSV）
                </Button>
                <Button icon={<DownloadOutlined />} href={publicityUrl(r.id, 'xlsx')} download>
                  公示（全县 Excel）
                </Button>
              </Space>
            }
          >
            分配 #{r.id} 结果
          </PageTitle>
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="数据集">
              <Link to={`/datasets/${r.datasetId}`}>#{r.datasetId}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="时间">{when(r.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="引擎版本">{r.engineVersion}</Descriptions.Item>
            <Descriptions.Item label="输出哈希">
              <Typography.Text code copyable={{ text: r.outputHash }}>
                {shortHash(r.outputHash)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <OutcomeCounts summary={r.summary} />
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={openTab}
              items={[
                { key: 'report', label: '报表', children: <Report run={r} /> },
                {
                  key: 'charts',
                  label: '图表',
                  children: (
                    <Suspense fallback={<Spin />}>
                      <RunCharts run={r} placements={placements.data?.placements} />
                    </Suspense>
                  ),
                },
                {
                  key: 'schools',
                  label: `学校（${r.schools.length}）`,
                  children: <SchoolsTable run={r} />,
                },
                {
                  key: 'people',
                  label: `人员（${count(r.summary.total)}）`,
                  children: (
                    <Loading state={placements}>
                      {(p) => <PeopleTable runId={r.id} rows={p.placements} />}
                    </Loading>
                  ),
                },
                {
                  key: 'diff',
                  label: '对比',
                  children: (
                    <Loading state={runs}>{(list) => <RunDiff runs={list.runs} current={r.id} />}</Loading>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Loading>
  );
}

function Report({ run }: { run: RunDetail }) {
  const f = run.fairness;
  return (
    <>
      <ReportTables run={run} />
      <Descriptions size="small" column={4} bordered title="公平性检查" style={{ marginTop: 16 }}>
        <Descriptions.Item label="合理嫉妒">{f.justifiedEnvy}</Descriptions.Item>
        <Descriptions.Item label="浪费空岗">{f.wastefulness}</Descriptions.Item>
        <Descriptions.Item label="超编">{f.capacityViolations}</Descriptions.Item>
        <Descriptions.Item label="资格不符">{f.eligibilityViolations}</Descriptions.Item>
        <Descriptions.Item label="未填岗位">{f.unfilledPosts}</Descriptions.Item>
        <Descriptions.Item label="直聘超岗">{f.exemptOverflow}</Descriptions.Item>
        <Descriptions.Item label="提示">{run.warnings.length} 条</Descriptions.Item>
        <Descriptions.Item label="输入哈希">
          <Typography.Text code>{shortHash(run.inputHash)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
