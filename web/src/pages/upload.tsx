import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { DatasetCreated, DatasetIssue } from '../api/types';

/** The upload's form fields (server/import: DATASET_FILES), with the names a clerk gives the files. */
const KINDS = [
  { kind: 'schools', label: '学校', names: ['schools', '学校'] },
  { kind: 'posts', label: '岗位设置', names: ['posts', '岗位'] },
  { kind: 'staff', label: '教职工', names: ['staff', '教职工', '教师'] },
  { kind: 'townships', label: '乡镇', names: ['townships', '乡镇'] },
  { kind: 'applications', label: '择优申请', names: ['applications', '申请', '择优'] },
  { kind: 'rules', label: '规则', names: ['rules', '规则'] },
  // One Excel workbook whose sheets are named for the files (学校, 岗位, 教职工, …).
  { kind: 'workbook', label: '整本工作簿', names: [] },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

/** The Chinese name of a dataset file's kind ("staff" → 教职工), or the kind itself when unknown. */
export const kindLabel = (kind: string): string => KINDS.find((k) => k.kind === kind)?.label ?? kind;

/** The kind a file's name suggests: "staff.csv", "教职工.xlsx", "2020年岗位设置.xls" … */
function guessKind(fileName: string): Kind | null {
  const base = fileName.toLowerCase().replace(/\.[^.]+$/, '');
  const named = KINDS.find((k) => k.names.some((n) => base.includes(n)))?.kind;
  if (named) return named;
  // An Excel file named for none of them is most likely the whole dataset in one workbook.
  return /\.xlsx?$/i.test(fileName) ? 'workbook' : null;
}

const isExcel = (fileName: string): boolean => /\.xlsx?$/i.test(fileName);

/**
 * Whether the API reads Excel uploads (a `workbook` field beside the CSVs): read from its OpenAPI
 * document, so the console offers Excel only once the server takes it.
 */
function useExcelAccepted(): boolean {
  const [accepted, setAccepted] = useState(false);
  useEffect(() => {
    fetch('/docs/json')
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => setAccepted(text.includes('"workbook"')))
      .catch(() => setAccepted(false));
  }, []);
  return accepted;
}

/** Numbers the chosen files for the table's keys and 移除. */
let chosenSeq = 0;

interface Chosen {
  readonly uid: string;
  readonly file: File;
  kind: Kind | null;
}

/**
 * Drag and drop (or choose) the dataset's files, each matched to its kind by name; the upload is one
 * request, all-or-nothing: any problem is listed by file, row and column and nothing is stored.
 */
export function UploadPanel({ onStored }: { onStored: (created: DatasetCreated) => void }) {
  const [files, setFiles] = useState<Chosen[]>([]);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly DatasetIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const excel = useExcelAccepted();

  const problems = useRef<HTMLDivElement>(null);
  // The problems appear below the file list: bring them into view on a 768-px-high screen.
  useEffect(() => {
    if (message) problems.current?.scrollIntoView({ block: 'start' });
  }, [message]);

  const hasWorkbook = files.some((f) => f.kind === 'workbook');
  // Until the API reads Excel, an .xlsx would only come back as "neither UTF-8 nor GBK".
  const unreadable = excel ? [] : files.filter((f) => isExcel(f.file.name));
  const missing = hasWorkbook
    ? []
    : (['schools', 'posts', 'staff'] as const).filter((k) => !files.some((f) => f.kind === k));
  const submit = async () => {
    const form = new FormData();
    for (const f of files) if (f.kind) form.append(f.kind, f.file, f.file.name);
    if (label.trim() !== '') form.append('label', label.trim());
    setBusy(true);
    setIssues([]);
    setMessage(null);
    try {
      const created = await api.upload(form);
      setFiles([]);
      setLabel('');
      onStored(created);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
      setIssues(error.issues);
      setMessage(
        error.issues.length > 0
          ? `发现 ${error.issues.length} 个问题，数据集未保存。请修改文件后重新上传。`
          : `上传失败：${error.message}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Upload.Dragger
        multiple
        accept=".csv,.xlsx,.xls,.json,.txt"
        showUploadList={false}
        beforeUpload={(file, list) => {
          // Collect only: the files go up together in one request when the clerk presses 上传.
          if (file === list[0]) {
            setFiles((old) => {
              // Our own key: antd gives the later files of a multi-select their uid only after this
              // call, so f.uid is undefined for all but the first and 移除 would drop them all.
              const added = list.map((f) => ({
                uid: `${++chosenSeq}`,
                file: f as File,
                kind: guessKind(f.name),
              }));
              const names = new Set(added.map((f) => f.file.name));
              return [...old.filter((f) => !names.has(f.file.name)), ...added];
            });
          }
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">把文件拖到这里，或点击选择（可多选）</p>
        <p className="ant-upload-hint">
          学校、岗位设置、教职工（必需），乡镇、择优申请、规则（可选）；CSV（UTF-8 或 GBK）
          {excel ? '或 Excel' : '（Excel 文件请先在 Excel/WPS 中“另存为”CSV）'}，中文或英文表头。
        </p>
      </Upload.Dragger>
      {files.length > 0 && (
        <Table
          size="small"
          rowKey="uid"
          pagination={false}
          dataSource={files}
          columns={[
            { title: '文件', render: (_, f) => f.file.name },
            { title: '大小', render: (_, f) => `${(f.file.size / 1024).toFixed(1)} KB` },
            {
              title: '内容',
              render: (_, f) => (
                <Select
                  aria-label={`${f.file.name} 的内容`}
                  style={{ width: 160 }}
                  value={f.kind}
                  placeholder="请选择"
                  options={KINDS.map((k) => ({ value: k.kind, label: k.label }))}
                  onChange={(kind: Kind) =>
                    setFiles((old) => old.map((o) => (o.uid === f.uid ? { ...o, kind } : o)))
                  }
                />
              ),
            },
            {
              title: '',
              render: (_, f) => (
                <Button type="link" onClick={() => setFiles((old) => old.filter((o) => o.uid !== f.uid))}>
                  移除
                </Button>
              ),
            },
          ]}
        />
      )}
      <Space wrap>
        <Input
          aria-label="数据集名称"
          placeholder="数据集名称（可选），如：2020 初稿"
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
          style={{ width: 300 }}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={files.length === 0 || missing.length > 0 || unreadable.length > 0}
          onClick={submit}
        >
          上传并检查
        </Button>
        {unreadable.length > 0 && (
          <Typography.Text type="danger">
            {unreadable.map((f) => f.file.name).join('、')} 是 Excel 文件，系统暂不能直接读取：请在 Excel/WPS
            中“另存为”CSV 后再选择。
          </Typography.Text>
        )}
        {files.length > 0 && missing.length > 0 && (
          <Typography.Text type="warning">
            还缺：{missing.map((k) => KINDS.find((x) => x.kind === k)?.label).join('、')}
          </Typography.Text>
        )}
      </Space>
      <div ref={problems}>{message && <Alert type="error" showIcon title={message} />}</div>
      {issues.length > 0 && (
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          aria-label="问题列表"
          dataSource={[...issues]}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: '文件', dataIndex: 'file', width: 160 },
            { title: '行', dataIndex: 'line', width: 70, render: (v: number | null) => v ?? '—' },
            { title: '列', dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '—' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}
