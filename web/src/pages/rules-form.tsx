import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { DatasetSummary, Rules } from '../api/types';

/** The engine's defaults (engine/rules.ts DEFAULT_RULES; SPEC §2 rules.json), shown so nothing is implicit. */
const DEFAULTS = {
  asOf: '2020-08-01',
  retirementM: 60,
  retirementF: 55,
  nearRetirementYears: 3,
  mechanism: 'deferred_acceptance' as Rules['crossSchool']['mechanism'],
  maxChoices: 5,
  noUpwardMoves: false,
  allowCrossSubject: false,
  crossSubjectPenaltyKm: 50,
};
type Values = typeof DEFAULTS & { datasetId: number };

/** The rules as the API takes them: every field the form shows, laid over the dataset's rules.json. */
function toRules(v: Values) {
  return {
    asOf: v.asOf,
    retirementAge: { M: v.retirementM, F: v.retirementF },
    nearRetirementYears: v.nearRetirementYears,
    crossSchool: { mechanism: v.mechanism, maxChoices: v.maxChoices, noUpwardMoves: v.noUpwardMoves },
    administrative: {
      allowCrossSubject: v.allowCrossSubject,
      crossSubjectPenaltyKm: v.crossSubjectPenaltyKm,
    },
  };
}

/** True for a real calendar day written YYYY-MM-DD (2020-02-30 and 2020-13-01 are not). */
function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The form's names for the API's rule paths, so a refused rule is named as the clerk sees it. */
const RULE_LABELS: Readonly<Record<string, string>> = {
  asOf: '基准日期',
  retirementAge: '退休年龄',
  nearRetirementYears: '临近退休年限',
  crossSchool: '跨校竞聘',
  mechanism: '跨校机制',
  maxChoices: '志愿数',
  noUpwardMoves: '不得向上流动',
  administrative: '组织调剂',
  allowCrossSubject: '跨学科调剂',
  crossSubjectPenaltyKm: '跨学科折算',
};

/** "asOf" / "crossSchool.maxChoices" → the form's label; the message without the path it repeats. */
function ruleIssue(column: string | null, file: string, message: string): string {
  const path = column ?? file;
  const last = path.split('.').at(-1) ?? path;
  const label = RULE_LABELS[last] ?? RULE_LABELS[path] ?? path;
  const text = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  return `${label}：${text}`;
}

/**
 * A number field's rules: required, and within [min, max] (whole when `whole`), said in words. The input
 * itself has no min/max: antd would silently change an out-of-range value on blur instead of saying so.
 */
function range(label: string, min: number, max: number, unit: string, whole = false): Rule[] {
  return [
    { required: true, message: `请填写${label}` },
    {
      validator: async (_, v: number | null | undefined) => {
        if (v === null || v === undefined) return;
        if (v < min || v > max) throw new Error(`${label}应在 ${min}–${max} ${unit}之间（现为 ${v}）`);
        if (whole && !Number.isInteger(v)) throw new Error(`${label}应为整数（现为 ${v}）`);
      },
    },
  ];
}

/**
 * The rules form: each rule with what it does and its default. Submits { datasetId, rules }; a rules
 * problem from the API is shown under the form.
 */
export function RulesForm({
  datasets,
  initialDatasetId,
  onRun,
}: {
  datasets: readonly DatasetSummary[];
  initialDatasetId: number | undefined;
  onRun: (datasetId: number, rules: ReturnType<typeof toRules>) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const allowCross = Form.useWatch('allowCrossSubject', form);
  return (
    <Form<Values>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '112px' }}
      wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      initialValues={{ ...DEFAULTS, datasetId: initialDatasetId ?? datasets[0]?.id }}
      onFinish={async (values) => {
        setBusy(true);
        setError(null);
        try {
          await onRun(values.datasetId, toRules(values));
        } catch (e) {
          const issues =
            e instanceof ApiError ? e.issues.map((i) => ruleIssue(i.column, i.file, i.message)) : [];
          setError(issues.length > 0 ? issues.join('；') : String(e instanceof Error ? e.message : e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item label="数据集" name="datasetId" rules={[{ required: true, message: '请选择数据集' }]}>
        <Select
          options={datasets.map((d) => ({
            value: d.id,
            label: `#${d.id} ${d.label ?? ''}（${d.counts.staff} 人，${d.counts.schools} 校）`,
          }))}
        />
      </Form.Item>
      <Row gutter={24}>
        <Col span={12}>
          <Form.Item
            label="基准日期"
            name="asOf"
            required
            extra="计算年龄、是否临近退休的日期（默认 2020-08-01）。"
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  if (!v || !isRealDate(v.trim()))
                    throw new Error('请填写真实日期，格式 YYYY-MM-DD，如 2020-08-01');
                },
              },
            ]}
            normalize={(v: string | undefined) => v?.trim() ?? ''}
          >
            <Input style={{ width: 160 }} placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            label="退休年龄"
            required
            extra="法定退休年龄（默认男 60、女 55），用于判断临近退休直聘。"
          >
            <Space>
              <Form.Item name="retirementM" noStyle rules={range('男退休年龄', 40, 70, '岁')}>
                <InputNumber aria-label="男退休年龄" prefix="男" suffix="岁" />
              </Form.Item>
              <Form.Item name="retirementF" noStyle rules={range('女退休年龄', 40, 70, '岁')}>
                <InputNumber aria-label="女退休年龄" prefix="女" suffix="岁" />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item
            label="临近退休年限"
            name="nearRetirementYears"
            rules={range('临近退休年限', 0, 10, '年')}
            extra="距退休不足此年限者在本校直接聘用，占用本校本学科岗位（默认 3 年）。"
          >
            <InputNumber aria-label="临近退休年限" suffix="年" />
          </Form.Item>
          <Form.Item
            label="志愿数"
            name="maxChoices"
            rules={range('志愿数', 1, 50, '个', true)}
            extra="每人最多计入的志愿个数，超出的志愿不计（默认 5）。"
          >
            <InputNumber aria-label="志愿数" suffix="个" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="跨校机制"
            name="mechanism"
            extra="第二轮跨校竞聘的匹配方法。延迟接受：教师按志愿申请、学校按得分暂留，结果稳定、无合理嫉妒（默认）；按得分依次选岗：按得分从高到低每人选第一个有空岗的志愿。"
          >
            <Radio.Group>
              <Radio value="deferred_acceptance">延迟接受（教师提出）</Radio>
              <Radio value="serial_dictatorship">按得分依次选岗</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label="不得向上流动"
            name="noUpwardMoves"
            valuePropName="checked"
            extra="开启后，第二轮不得调往学段更高的学校（如小学教师不得竞聘初中）（默认关闭）。"
          >
            <Switch />
          </Form.Item>
          <Form.Item
            label="跨学科调剂"
            name="allowCrossSubject"
            valuePropName="checked"
            extra="开启后，第三轮组织调剂可安排到其他学科的空岗，每次跨学科按下面的公里数计入调剂距离（默认关闭）。"
          >
            <Switch />
          </Form.Item>
          {allowCross && (
            <Form.Item
              label="跨学科折算"
              name="crossSubjectPenaltyKm"
              rules={range('跨学科折算公里数', 0, 1000, '公里')}
              extra="一次跨学科调剂相当于多远的距离。"
            >
              <InputNumber aria-label="跨学科折算公里数" suffix="公里" />
            </Form.Item>
          )}
        </Col>
      </Row>
      {error && <div style={{ color: '#cf1322', marginBottom: 12 }}>{error}</div>}
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" loading={busy} disabled={datasets.length === 0}>
          运行分配
        </Button>
      </Form.Item>
    </Form>
  );
}
