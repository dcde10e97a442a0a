import { Card, message, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import type { DatasetSummary } from '../api/types';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { actorLabel, count, when } from '../labels';
import { useUser } from '../session';
import { UploadPanel } from './upload';

/** /datasets: HR uploads a dataset (problems listed, nothing stored until fixed); everyone sees the list. */
export function DatasetsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const datasets = useApi(() => api.datasets(), 'datasets');
  return (
    <>
      <PageTitle>数据集</PageTitle>
      {user.role === 'hr' && (
        <Card title="上传数据集" style={{ marginBottom: 16 }}>
          <UploadPanel
            onStored={(created) => {
              message.success(`数据集 #${created.id} 已保存：${count(created.counts.staff)} 名教职工`);
              // The warnings go along to the dataset's page, which lists them once.
              navigate(`/datasets/${created.id}`, {
                state: { warnings: created.warnings, moreWarnings: created.moreWarnings },
              });
            }}
          />
        </Card>
      )}
      <Card title="已保存的数据集">
        <Loading state={datasets}>
          {({ datasets: rows }) => (
            <Table<DatasetSummary>
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                {
                  title: '编号',
                  dataIndex: 'id',
                  width: 70,
                  render: (id: number) => <Link to={`/datasets/${id}`}>#{id}</Link>,
                },
                { title: '名称', dataIndex: 'label', render: (v: string | null) => v ?? '—' },
                { title: '上传时间', dataIndex: 'createdAt', render: when },
                { title: '上传者', dataIndex: 'createdBy', render: actorLabel },
                { title: '学校', align: 'right', render: (_, d) => count(d.counts.schools) },
                { title: '岗位', align: 'right', render: (_, d) => count(d.counts.posts) },
                { title: '教职工', align: 'right', render: (_, d) => count(d.counts.staff) },
                { title: '乡镇', align: 'right', render: (_, d) => count(d.counts.townships) },
                { title: '择优申请', align: 'right', render: (_, d) => count(d.counts.applications) },
              ]}
            />
          )}
        </Loading>
      </Card>
    </>
  );
}
