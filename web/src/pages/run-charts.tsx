import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import type { PlacementRow, RunDetail } from '../api/types';
import { Chart, type ChartOption } from '../components/chart';
import { AREA_LABEL, OUTCOME_COLOR, OUTCOME_LABEL, OUTCOME_ORDER, STAGE_LABEL } from '../labels';
import { OUTCOME_KEY } from './run-report';

const AREA_COLOR: Record<string, string> = { urban: '#1677ff', town: '#52c41a', rural: '#fa8c16' };
const ROUND_COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#d9d9d9'];

function outcomeByStage(run: RunDetail): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 10, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: run.summary.byStage.map((s) => STAGE_LABEL[s.stage]) },
    yAxis: { type: 'value' },
    series: OUTCOME_ORDER.map((o) => ({
      name: OUTCOME_LABEL[o],
      type: 'bar',
      stack: 'all',
      color: OUTCOME_COLOR[o],
      data: run.summary.byStage.map((s) => s[OUTCOME_KEY[o]]),
    })),
  };
}

function fillPerSchool(run: RunDetail): ChartOption {
  const schools = run.schools;
  const series = [
    { name: '第一轮', pick: (s: (typeof schools)[number]) => s.round1 },
    { name: '第二轮', pick: (s: (typeof schools)[number]) => s.round2 },
    { name: '第三轮', pick: (s: (typeof schools)[number]) => s.round3 },
    { name: '空岗', pick: (s: (typeof schools)[number]) => s.vacancies },
  ];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 10, top: 36, bottom: 70 },
    xAxis: {
      type: 'category',
      data: schools.map((s) => s.name),
      axisLabel: { rotate: 60, interval: 0, fontSize: 10 },
    },
    yAxis: { type: 'value', name: '岗位' },
    series: series.map((x, i) => ({
      name: x.name,
      type: 'bar',
      stack: 'posts',
      color: ROUND_COLORS[i],
      data: schools.map(x.pick),
    })),
  };
}

function choicesObtained(run: RunDetail): ChartOption {
  const ranks = run.fairness.choiceRanks;
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 10, top: 20, bottom: 24 },
    xAxis: { type: 'category', data: ranks.map((_, i) => `第${i + 1}志愿`) },
    yAxis: { type: 'value', name: '人数' },
    series: [{ type: 'bar', color: '#52c41a', data: [...ranks], label: { show: true, position: 'top' } }],
  };
}

/** Movers between schools (rounds 2 and 3) from the 城乡类别 of their old school to that of the new one. */
function urbanRuralFlows(run: RunDetail, placements: readonly PlacementRow[]): ChartOption {
  const flows = new Map<string, number>();
  for (const p of placements) {
    if (p.schoolCode === null || p.schoolCode === p.fromSchoolCode) continue;
    const from = run.areas[p.fromSchoolCode];
    const to = run.areas[p.schoolCode];
    if (!from || !to) continue;
    const key = `${from}>${to}`;
    flows.set(key, (flows.get(key) ?? 0) + 1);
  }
  const areas = ['urban', 'town', 'rural'];
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        left: 10,
        right: 10,
        top: 10,
        bottom: 10,
        nodeWidth: 16,
        nodeAlign: 'justify',
        lineStyle: { color: 'source', opacity: 0.35 },
        label: { fontSize: 12, formatter: '{b}' },
        data: [
          ...areas.map((a) => ({ name: `原${AREA_LABEL[a]}`, itemStyle: { color: AREA_COLOR[a] } })),
          ...areas.map((a) => ({
            name: `现${AREA_LABEL[a]}`,
            itemStyle: { color: AREA_COLOR[a] },
            label: { position: 'left' },
          })),
        ],
        links: [...flows].map(([key, value]) => {
          const [from, to] = key.split('>') as [string, string];
          return { source: `原${AREA_LABEL[from]}`, target: `现${AREA_LABEL[to]}`, value };
        }),
      },
    ],
  };
}

/** The run's four charts: outcome by stage, fill per school, 志愿 obtained, urban/rural flows. */
export function RunCharts({
  run,
  placements,
}: {
  run: RunDetail;
  placements: readonly PlacementRow[] | undefined;
}) {
  const stage = useMemo(() => outcomeByStage(run), [run]);
  const fill = useMemo(() => fillPerSchool(run), [run]);
  const choices = useMemo(() => choicesObtained(run), [run]);
  const flows = useMemo(() => (placements ? urbanRuralFlows(run, placements) : null), [run, placements]);
  return (
    <Row gutter={[16, 16]}>
      <Col span={12}>
        <Card size="small" title="各学段聘用结果">
          <Chart option={stage} label="各学段聘用结果柱状图" height={260} />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="第二轮所得志愿">
          <Chart option={choices} label="第二轮所得志愿柱状图" height={260} />
        </Card>
      </Col>
      <Col span={16}>
        <Card size="small" title="各校岗位填补（按轮次）">
          <Chart option={fill} label="各校岗位填补堆叠图" height={320} />
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title="城乡之间的流动（跨校、调剂）">
          {flows ? <Chart option={flows} label="城乡流动桑基图" height={320} /> : '载入中…'}
        </Card>
      </Col>
    </Row>
  );
}
