import { Card, Col, Row, Table } from 'antd';
import type { RunDetail } from '../api/types';
import { count, OUTCOME_COLOR, OUTCOME_LABEL, OUTCOME_ORDER, pct, STAGE_LABEL } from '../labels';

type Summary = RunDetail['summary'];
const KEY = {
  in_school: 'inSchool',
  cross_school: 'crossSchool',
  administrative: 'administrative',
  resigned: 'resigned',
  standby: 'standby',
} as const;

/** The five outcome counts as large numbers, each tagged with data-outcome for tests and screen readers. */
export function OutcomeCounts({ summary }: { summary: Summary }) {
  return (
    <Row gutter={12} style={{ marginBottom: 16 }}>
      {OUTCOME_ORDER.map((outcome) => (
        <Col span={24 / 5} key={outcome} flex="1">
          <Card size="small" styles={{ body: { padding: '10px 14px' } }}>
            <div style={{ color: '#595959' }}>{OUTCOME_LABEL[outcome]}</div>
            <div
              data-outcome={outcome}
              style={{ fontSize: 28, fontWeight: 600, color: OUTCOME_COLOR[outcome], lineHeight: 1.3 }}
            >
              {count(summary[KEY[outcome]])}
            </div>
            <div style={{ color: '#8c8c8c' }}>占 {pct(summary.percent[KEY[outcome]])}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The bureau's report: count and percentage by outcome, then the same by stage (学段). */
export function ReportTables({ run }: { run: RunDetail }) {
  const { summary } = run;
  const byOutcome = [
    ...OUTCOME_ORDER.map((o) => ({
      key: o,
      label: OUTCOME_LABEL[o],
      n: summary[KEY[o]],
      p: pct(summary.percent[KEY[o]]),
    })),
    { key: 'total', label: '合计', n: summary.total, p: '100%' },
  ];
  const schoolsPerStage = (stage: string) => run.schools.filter((s) => s.stage === stage).length;
  return (
    <Row gutter={16}>
      <Col span={7}>
        <Table
          size="small"
          bordered
          pagination={false}
          title={() => `按结果（共 ${count(summary.total)} 人）`}
          dataSource={byOutcome}
          columns={[
            { title: '聘用结果', dataIndex: 'label' },
            { title: '人数', dataIndex: 'n', align: 'right', render: count },
            { title: '占比', dataIndex: 'p', align: 'right' },
          ]}
        />
      </Col>
      <Col span={17}>
        <Table
          size="small"
          bordered
          pagination={false}
          title={() => '按学段'}
          rowKey="stage"
          dataSource={[...summary.byStage]}
          columns={[
            { title: '学段', dataIndex: 'stage', render: (s: keyof typeof STAGE_LABEL) => STAGE_LABEL[s] },
            { title: '学校', align: 'right', render: (_, r) => schoolsPerStage(r.stage) },
            { title: '教职工', dataIndex: 'total', align: 'right', render: count },
            ...OUTCOME_ORDER.map((o) => ({
              title: OUTCOME_LABEL[o],
              key: o,
              align: 'right' as const,
              render: (_: unknown, r: Summary['byStage'][number]) =>
                `${count(r[KEY[o]])}（${pct(r.percent[KEY[o]])}）`,
            })),
          ]}
        />
      </Col>
    </Row>
  );
}

export { KEY as OUTCOME_KEY };
