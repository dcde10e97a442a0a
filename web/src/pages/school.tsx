import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Anchor, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, publicityUrl } from '../api/endpoints';
import type { Candidates, Rules } from '../api/types';
import { PageTitle } from '../components/shell';
import { ForbiddenPage, Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { OUTCOME_LABEL, ROUND_LABEL, STAGE_LABEL, TITLE_LABEL } from '../labels';
import { useUser } from '../session';
import { DEFAULT_TIE_BREAK, tieBreakFact } from './tie-break';

type Subject = Candidates['subjects'][number];
type Mover = Candidates['left'][number];

type TieBreak = Rules['tieBreak'];

function Round1({ runId, s, order }: { runId: number; s: Subject; order: TieBreak }) {
  const list = s.round1;
  return (
    <Table
      size="small"
      bordered
      rowKey="staffId"
      pagination={false}
      aria-label={`${s.subject} 第一轮名单`}
      dataSource={[...list]}
      // The cut-off line: a thick rule under the last candidate within the open posts.
      rowClassName={(c) => (c.rank === s.capacity && list.length > s.capacity ? 'cutoff-row' : '')}
      columns={[
        { title: '排名', dataIndex: 'rank', width: 56, align: 'right' },
        {
          title: '姓名',
          dataIndex: 'name',
          width: 90,
          render: (name: string, c) => (
            <Link to={`/runs/${runId}/staff/${encodeURIComponent(c.staffId)}`}>{name}</Link>
          ),
        },
        { title: '工号', dataIndex: 'staffId', width: 80 },
        {
          title: '综合得分',
          dataIndex: 'score',
          width: 84,
          align: 'right',
          render: (v: number) => v.toFixed(2),
        },
        { title: '职称', dataIndex: 'title', width: 70, render: (t: string) => TITLE_LABEL[t] ?? t },
        { title: '教龄', dataIndex: 'yearsOfService', width: 56, align: 'right' },
        { title: '出生日期', dataIndex: 'birthDate', width: 100 },
        {
          title: '同分比较',
          width: 170,
          render: (_, c, i) => {
            const below = list[i + 1];
            const above = list[i - 1];
            const over = below ? tieBreakFact(c, below, order) : null;
            if (over) return over;
            return above && tieBreakFact(above, c, order) ? `与第${above.rank}名相比见上一行` : '';
          },
        },
        {
          title: '结果',
          dataIndex: 'hired',
          width: 100,
          render: (hired: boolean) => (hired ? <Tag color="blue">校内聘用</Tag> : <Tag>进入第二轮</Tag>),
        },
      ]}
    />
  );
}

function SubjectSection({ runId, s, order }: { runId: number; s: Subject; order: TieBreak }) {
  const over = s.round1.length > s.capacity;
  return (
    <Card
      id={`subject-${s.subject}`}
      className="print-section"
      size="small"
      style={{ marginBottom: 16 }}
      title={`${s.subject}：岗位 ${s.posts} 个（跨校预留 ${s.reserved}，直聘 ${s.exempt}），本轮可聘 ${s.capacity} 人，竞聘 ${s.round1.length} 人`}
    >
      {s.directHires.length > 0 && (
        <Typography.Paragraph>
          <b>直接聘用：</b>
          {s.directHires.map((h) => `${h.name}（${h.staffId}，${h.reason}）`).join('；')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type={over ? 'danger' : 'secondary'} data-testid="cutoff">
        {over
          ? `分数线 ${s.cutoff?.toFixed(2) ?? '—'}：红线以上 ${s.capacity} 人校内聘用，以下进入第二轮跨校竞聘。`
          : `竞聘人数不超过可聘岗位，全部校内聘用${s.cutoff === null ? '' : `（最低分 ${s.cutoff.toFixed(2)}）`}。`}
      </Typography.Paragraph>
      <Round1 runId={runId} s={s} order={order} />
      {s.round2 && (
        <>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 6 }}>
            <b>第二轮申请本校{s.subject}：</b>空岗 {s.round2.vacancies} 个，申请 {s.round2.applicants.length}{' '}
            人（按本校排序）
          </Typography.Paragraph>
          {s.round2.applicants.length > 0 && (
            <Table
              size="small"
              bordered
              rowKey="staffId"
              pagination={false}
              aria-label={`${s.subject} 第二轮申请人`}
              dataSource={[...s.round2.applicants]}
              columns={[
                { title: '排序', dataIndex: 'rank', width: 56, align: 'right' },
                { title: '姓名', dataIndex: 'name', width: 90 },
                { title: '工号', dataIndex: 'staffId', width: 80 },
                {
                  title: '得分',
                  dataIndex: 'score',
                  width: 84,
                  align: 'right',
                  render: (v: number) => v.toFixed(2),
                },
                {
                  title: '本校为其',
                  dataIndex: 'choiceRank',
                  width: 90,
                  render: (v: number) => `第${v}志愿`,
                },
                {
                  title: '结果',
                  dataIndex: 'admitted',
                  render: (a: boolean) => (a ? <Tag color="green">录用</Tag> : <Tag>未录用</Tag>),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}

function Movers({ title, rows, whereTitle }: { title: string; rows: readonly Mover[]; whereTitle: string }) {
  return (
    <Card
      size="small"
      title={`${title}（${rows.length} 人）`}
      className="print-section"
      style={{ marginBottom: 16 }}
    >
      <Table
        size="small"
        rowKey="staffId"
        pagination={false}
        aria-label={title}
        dataSource={[...rows]}
        columns={[
          { title: '工号', dataIndex: 'staffId', width: 80 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          {
            title: '结果',
            dataIndex: 'outcome',
            width: 90,
            render: (o: Mover['outcome']) => OUTCOME_LABEL[o],
          },
          { title: '学科', dataIndex: 'subject', width: 80, render: (v: string | null) => v ?? '—' },
          {
            title: '轮次',
            dataIndex: 'round',
            width: 70,
            render: (v: number | null) => (v ? ROUND_LABEL[v] : '—'),
          },
          {
            title: whereTitle,
            render: (_, m) => (m.schoolCode ? `${m.schoolName ?? ''}（${m.schoolCode}）` : '—'),
          },
        ]}
      />
    </Card>
  );
}

/** /runs/:id/schools/:code: a school's lists, as its principal sees them; prints on A4. */
export function SchoolPage() {
  const params = useParams();
  const runId = Number(params.id);
  const code = params.code ?? '';
  const user = useUser();
  // A principal asking for another school gets the 403 page without the request being made at all.
  const mine = user.role !== 'principal' || user.schoolCode === code;
  const state = useApi(
    () => (mine ? api.candidates(runId, code) : Promise.reject(new Error('forbidden'))),
    `${runId}:${code}:${mine}`,
  );
  // The run's tie-break order, for the 同分比较 column (the principal's copy of the run is scoped).
  const run = useApi(
    () => (mine ? api.run(runId) : Promise.reject(new Error('forbidden'))),
    `run:${runId}:${mine}`,
  );
  const order = run.data?.rules.tieBreak ?? DEFAULT_TIE_BREAK;
  if (!mine) return <ForbiddenPage detail={`您只能查看本校（${user.schoolCode ?? '—'}）的名单。`} />;
  return (
    <Loading state={state}>
      {(c) => (
        <>
          <PageTitle
            extra={
              <Space className="no-print">
                <Button icon={<DownloadOutlined />} href={publicityUrl(runId, 'csv', code)} download>
                  本校公示 CSV
                </Button>
                <Button icon={<DownloadOutlined />} href={publicityUrl(runId, 'xlsx', code)} download>
                  本校公示 Excel
                </Button>
                <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
                  打印（A4）
                </Button>
              </Space>
            }
          >
            {c.school.name}（{c.school.schoolCode}）· 分配 #{runId}
          </PageTitle>
          <Descriptions
            size="small"
            column={{ xs: 3, sm: 3, md: 6, lg: 6, xl: 6, xxl: 6 }}
            bordered
            style={{ marginBottom: 16 }}
          >
            <Descriptions.Item label="学段">{STAGE_LABEL[c.school.stage]}</Descriptions.Item>
            <Descriptions.Item label="岗位">{c.school.posts}</Descriptions.Item>
            <Descriptions.Item label="第一轮">{c.school.round1}</Descriptions.Item>
            <Descriptions.Item label="第二轮">{c.school.round2}</Descriptions.Item>
            <Descriptions.Item label="第三轮">{c.school.round3}</Descriptions.Item>
            <Descriptions.Item label="空岗">{c.school.vacancies}</Descriptions.Item>
          </Descriptions>
          {c.school.status === 'merging' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="本校撤并：不设岗位，全体教职工进入第二轮。"
            />
          )}
          <div className="no-print" style={{ marginBottom: 12 }}>
            <Anchor
              direction="horizontal"
              items={c.subjects.map((s) => ({
                key: s.subject,
                href: `#subject-${s.subject}`,
                title: s.subject,
              }))}
            />
          </div>
          {c.subjects.map((s) => (
            <SubjectSection key={s.subject} runId={runId} s={s} order={order} />
          ))}
          <Movers title="离开本校" rows={c.left} whereTitle="去向" />
          <Movers title="调入本校" rows={c.arrived} whereTitle="来自" />
        </>
      )}
    </Loading>
  );
}
