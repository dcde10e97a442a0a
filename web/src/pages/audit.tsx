import { Alert, Button, Card, Result, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { AuditPage as AuditLogPage, Replay, RunListItem } from '../api/types';
import { RunDiff } from '../components/run-diff';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { actorLabel, count, ROLE_LABEL, shortHash, when } from '../labels';

const ACTIONS: Record<string, string> = {
  'dataset.create': '上传数据集',
  'run.create': '运行分配',
  'run.replay': '复核',
  'token.create': '签发令牌',
  'token.revoke': '吊销令牌',
  'session.login': '登录',
  'session.login_failed': '登录失败',
  'session.logout': '退出',
  'account.create': '新建账户',
  'account.update': '修改账户',
  'account.disable': '停用账户',
  'account.enable': '启用账户',
  'session.locked': '登录锁定',
};

/** The replay's finding: identical; the same decisions presented differently; or different decisions. */
function ReplayVerdict({ replay }: { replay: Replay }) {
  const status = replay.identical ? 'success' : replay.decisionsIdentical ? 'warning' : 'error';
  const title = replay.identical
    ? '复核结果：完全一致'
    : replay.decisionsIdentical
      ? '复核结果：聘用决定一致，表述不同'
      : '复核结果：聘用决定不一致';
  return (
    <Result status={status} title={title} subTitle={replay.verdict} style={{ padding: '16px 0' }}>
      <Typography.Paragraph style={{ fontFamily: 'monospace', fontSize: 12, margin: 0 }}>
        引擎 {replay.engineVersion} → {replay.replayEngineVersion}
        <br />
        输入 {shortHash(replay.inputHash)} → {shortHash(replay.replayInputHash)}
        <br />
        决定 {shortHash(replay.decisionHash)} → {shortHash(replay.replayDecisionHash)}
        <br />
        输出 {shortHash(replay.outputHash)} → {shortHash(replay.replayOutputHash)}
      </Typography.Paragraph>
    </Result>
  );
}

function RunsForAudit({ runs }: { runs: RunListItem[] }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<
    { id: number; replay: Replay } | { id: number; error: string } | null
  >(null);
  const replay = async (id: number) => {
    setBusy(id);
    try {
      setVerdict({ id, replay: await api.replay(id) });
    } catch (e) {
      setVerdict({ id, error: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Table<RunListItem>
        size="small"
        rowKey="id"
        dataSource={runs}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: '分配',
            dataIndex: 'id',
            width: 70,
            render: (id: number) => <Link to={`/runs/${id}`}>#{id}</Link>,
          },
          { title: '数据集', dataIndex: 'datasetId', width: 70, render: (id: number) => `#${id}` },
          { title: '时间', dataIndex: 'createdAt', render: when },
          { title: '操作人', dataIndex: 'createdBy', render: actorLabel },
          { title: '引擎版本', dataIndex: 'engineVersion' },
          {
            title: '输入哈希',
            dataIndex: 'inputHash',
            render: (h: string) => (
              <Typography.Text code copyable={{ text: h }}>
                {shortHash(h)}
              </Typography.Text>
            ),
          },
          {
            title: '输出哈希',
            dataIndex: 'outputHash',
            render: (h: string) => (
              <Typography.Text code copyable={{ text: h }}>
                {shortHash(h)}
              </Typography.Text>
            ),
          },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" loading={busy === r.id} onClick={() => replay(r.id)}>
                复核 #{r.id}
              </Button>
            ),
          },
        ]}
      />
      {verdict && (
        <Card
          size="small"
          title={`分配 #${verdict.id} 的复核`}
          style={{ marginTop: 12 }}
          data-testid="replay-verdict"
        >
          {'replay' in verdict ? (
            <ReplayVerdict replay={verdict.replay} />
          ) : (
            <Alert type="error" title={verdict.error} />
          )}
        </Card>
      )}
    </>
  );
}

function AuditLog() {
  const [pages, setPages] = useState<AuditLogPage[]>([]);
  const first = useApi(async () => {
    const page = await api.auditLog(0, 500);
    setPages([page]);
    return page;
  }, 'audit-log');
  const verify = useApi(() => api.verifyAudit(), 'audit-verify');
  const entries = pages.flatMap((p) => p.entries);
  const next = pages.at(-1)?.nextAfterSeq ?? null;
  const bad = verify.data?.firstBadSeq ?? null;
  return (
    <>
      <Loading state={verify}>
        {(v) =>
          v.ok ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title={`哈希链完整：${count(v.entries)} 条记录逐条校验通过。`}
              description={
                <>
                  链头哈希{' '}
                  <Typography.Text code copyable={{ text: v.headHash }}>
                    {shortHash(v.headHash)}
                  </Typography.Text>
                  （记下它：日后日志尾部被截断会显示为不同的链头）
                </>
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={`哈希链断裂：第 ${v.firstBadSeq ?? '?'} 条记录被修改或删除。`}
              description={v.problem}
            />
          )
        }
      </Loading>
      <Loading state={first}>
        {() => (
          <>
            <Table
              size="small"
              rowKey="seq"
              dataSource={entries}
              rowClassName={(e) => (bad !== null && e.seq >= bad ? 'audit-bad' : '')}
              pagination={{ defaultPageSize: 20, showSizeChanger: true }}
              columns={[
                {
                  title: '序号',
                  dataIndex: 'seq',
                  width: 70,
                  sorter: (a, b) => a.seq - b.seq,
                  defaultSortOrder: 'descend',
                },
                { title: '时间', dataIndex: 'at', width: 150, render: when },
                { title: '操作人', dataIndex: 'actor', width: 180, render: actorLabel },
                {
                  title: '角色',
                  dataIndex: 'role',
                  width: 90,
                  render: (r: string) => ROLE_LABEL[r as keyof typeof ROLE_LABEL] ?? (r === 'none' ? '—' : r),
                },
                {
                  title: '操作',
                  dataIndex: 'action',
                  width: 120,
                  filters: [...new Set(entries.map((e) => e.action))].map((a) => ({
                    text: ACTIONS[a] ?? a,
                    value: a,
                  })),
                  onFilter: (v, e) => e.action === v,
                  render: (a: string) => <Tag>{ACTIONS[a] ?? a}</Tag>,
                },
                { title: '对象', dataIndex: 'subject', width: 180 },
                {
                  title: '详情',
                  dataIndex: 'detail',
                  ellipsis: true,
                  render: (d: unknown) => (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {JSON.stringify(d)}
                    </Typography.Text>
                  ),
                },
                {
                  title: '哈希',
                  dataIndex: 'hash',
                  width: 120,
                  render: (h: string) => <Typography.Text code>{shortHash(h)}</Typography.Text>,
                },
              ]}
            />
            {next !== null && (
              <Button onClick={async () => setPages([...pages, await api.auditLog(next, 500)])}>
                加载更多
              </Button>
            )}
          </>
        )}
      </Loading>
    </>
  );
}

/** /audit: runs with their hashes, 复核 (replay) with a verdict, 对比, and the audit log with its chain. */
export function AuditPage() {
  const runs = useApi(() => api.runs(), 'audit-runs');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') ?? '';
  const tab = ['diff', 'log'].includes(asked) ? asked : 'replay';
  return (
    <>
      <PageTitle>复核与审计</PageTitle>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(key === 'replay' ? {} : { tab: key }, { replace: true, preventScrollReset: true })
          }
          items={[
            {
              key: 'replay',
              label: '分配记录与复核',
              children: <Loading state={runs}>{({ runs: list }) => <RunsForAudit runs={list} />}</Loading>,
            },
            {
              key: 'diff',
              label: '对比两次分配',
              children: <Loading state={runs}>{({ runs: list }) => <RunDiff runs={list} />}</Loading>,
            },
            { key: 'log', label: '审计日志', children: <AuditLog /> },
          ]}
        />
      </Card>
    </>
  );
}
