import { Table, Tag } from 'antd';
import type { DatasetIssue } from '../api/types';

/**
 * An upload's problems or warnings (server/import/messages.ts): the stable code, then where (file, row,
 * column) and what, in Chinese. `label` names the table for screen readers and tests.
 */
export function IssuesTable({
  issues,
  label,
  warning = false,
}: {
  issues: readonly DatasetIssue[];
  label: string;
  warning?: boolean;
}) {
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      aria-label={label}
      dataSource={[...issues]}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      columns={[
        { title: '文件', dataIndex: 'file', width: 150 },
        { title: '行', dataIndex: 'line', width: 60, render: (v: number | null) => v ?? '—' },
        { title: '列', dataIndex: 'column', width: 130, render: (v: string | null) => v ?? '—' },
        { title: '问题', dataIndex: 'message' },
        {
          title: '代码',
          dataIndex: 'code',
          width: 210,
          render: (code: string) => <Tag color={warning ? 'gold' : 'red'}>{code}</Tag>,
        },
      ]}
    />
  );
}
