import { Alert, Button, Card, Descriptions, Table, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api/endpoints';
import type { DatasetIssue } from '../api/types';
import { IssuesTable } from '../components/issues-table';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { actorLabel, count, fileSize, when } from '../labels';
import { useUser } from '../session';
import { kindLabel } from './upload-kinds';

const ENCODING: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  gb18030: 'GBK/GB18030',
  xlsx: 'Excel（.xlsx）',
  xls: 'Excel（.xls）',
};

/** /datasets/:id: what was uploaded, file by file with its SHA-256, and a way to run it. */
export function DatasetPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const dataset = useApi(() => api.dataset(id), `dataset:${id}`);
  // Right after the upload: its warnings (the API gives them with the upload only).
  const upload = useLocation().state as { warnings?: DatasetIssue[]; moreWarnings?: number } | null;
  const warnings = upload?.warnings ?? [];
  return (
    <Loading state={dataset}>
      {(d) => (
        <>
          <PageTitle
            extra={
              user.role === 'hr' && (
                <Link to={`/runs?dataset=${d.id}`}>
                  <Button type="primary">用此数据集分配</Button>
                </Link>
              )
            }
          >
            数据集 #{d.id} {d.label ? `· ${d.label}` : ''}
          </PageTitle>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="上传时间">{when(d.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="上传者">{actorLabel(d.createdBy)}</Descriptions.Item>
              <Descriptions.Item label="学校">{count(d.counts.schools)}</Descriptions.Item>
              <Descriptions.Item label="岗位设置">{count(d.counts.posts)} 行</Descriptions.Item>
              <Descriptions.Item label="教职工">{count(d.counts.staff)}</Descriptions.Item>
              <Descriptions.Item label="乡镇">{count(d.counts.townships)}</Descriptions.Item>
              <Descriptions.Item label="择优申请">{count(d.counts.applications)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {warnings.length > 0 && (
            <Card title="导入提醒" style={{ marginBottom: 16 }}>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`数据集已保存，但有 ${warnings.length + (upload?.moreWarnings ?? 0)} 条提醒，请核对（不影响分配）。`}
              />
              <IssuesTable issues={warnings} label="提醒列表" warning />
            </Card>
          )}
          <Card title="文件（数据集不可修改；更正请上传新的数据集）">
            <Table
              size="small"
              rowKey="kind"
              pagination={false}
              dataSource={[...d.files]}
              columns={[
                { title: '内容', dataIndex: 'kind', render: kindLabel },
                { title: '文件名', dataIndex: 'fileName' },
                { title: '行数', dataIndex: 'rows', align: 'right', render: count },
                {
                  title: '大小',
                  dataIndex: 'bytes',
                  align: 'right',
                  render: fileSize,
                },
                { title: '编码', dataIndex: 'encoding', render: (e: string) => ENCODING[e] ?? e },
                {
                  title: 'SHA-256',
                  dataIndex: 'sha256',
                  render: (h: string) => (
                    <Typography.Text code copyable={{ text: h }}>
                      {h.slice(0, 16)}…
                    </Typography.Text>
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
