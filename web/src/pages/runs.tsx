import { Card, Table, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import type { RunListItem } from '../api/types';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { count, shortHash, when } from '../labels';
import { useUser } from '../session';
import { RulesForm } from './rules-form';

/** /runs: every run with its figures; HR also gets the rules form that starts a new one. */
export function RunsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const runs = useApi(() => api.runs(), 'runs');
  const datasets = useApi(
    () => (user.role === 'hr' ? api.datasets() : Promise.resolve({ datasets: [] })),
    `datasets:${user.role}`,
  );
  const link = (id: number) =>
    user.role === 'principal' ? `/runs/${id}/schools/${user.schoolCode ?? ''}` : `/runs/${id}`;
  const fromQuery = Number(params.get('dataset'));
  return (
    <>
      <PageTitle>{user.role === 'principal' ? '本校名单' : '分配与结果'}</PageTitle>
      {user.role === 'hr' && (
        <Card title="新的分配" style={{ marginBottom: 16 }}>
          <Loading state={datasets}>
            {({ datasets: list }) => (
              <RulesForm
                datasets={list}
                initialDatasetId={Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined}
                onRun={async (datasetId, rules) => {
                  const created = await api.createRun({ datasetId, rules });
                  navigate(`/runs/${created.id}`);
                }}
              />
            )}
          </Loading>
        </Card>
      )}
      <Card title="分配记录（每次分配保存后不可修改）">
        <Loading state={runs}>
          {({ runs: rows }) => (
            <Table<RunListItem>
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                {
                  title: '编号',
                  dataIndex: 'id',
                  width: 70,
                  render: (id: number) => <Link to={link(id)}>#{id}</Link>,
                },
                { title: '数据集', dataIndex: 'datasetId', render: (id: number) => `#${id}` },
                { title: '时间', dataIndex: 'createdAt', render: when },
                { title: '校内竞聘', align: 'right', render: (_, r) => count(r.summary.inSchool) },
                { title: '跨校竞聘', align: 'right', render: (_, r) => count(r.summary.crossSchool) },
                { title: '组织调剂', align: 'right', render: (_, r) => count(r.summary.administrative) },
                { title: '辞职', align: 'right', render: (_, r) => count(r.summary.resigned) },
                { title: '待岗', align: 'right', render: (_, r) => count(r.summary.standby) },
                { title: '引擎版本', dataIndex: 'engineVersion' },
                {
                  title: '输出哈希',
                  dataIndex: 'outputHash',
                  render: (h: string) => <Typography.Text code>{shortHash(h)}</Typography.Text>,
                },
                {
                  title: '',
                  render: (_, r) => (
                    <Link to={link(r.id)}>{user.role === 'principal' ? '本校名单' : '查看结果'}</Link>
                  ),
                },
              ]}
            />
          )}
        </Loading>
      </Card>
    </>
  );
}
