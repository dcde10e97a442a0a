import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { DatasetCreated, DatasetIssue } from '../api/types';
import { IssuesTable } from '../components/issues-table';
import { fileSize } from '../labels';
import { guessKind, KINDS, type Kind } from './upload-kinds';

/** Numbers the chosen files for the table's keys and 移除. */
let chosenSeq = 0;

interface Chosen {
  readonly uid: string;
  readonly file: File;
  kind: Kind | null;
}

/** Saves a file the browser holds (a report the API sent) under `name`. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Drag and drop (or choose) the dataset's files, CSV or Excel, each matched to its kind by name; the
 * upload is one request, all-or-nothing: any problem is listed by code, file, row and column and nothing
 * is stored. Warnings are listed beside the problems; they alone do not stop an import.
 */
export function UploadPanel({ onStored }: { onStored: (created: DatasetCreated) => void }) {
  const [files, setFiles] = useState<Chosen[]>([]);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly DatasetIssue[]>([]);
  const [warnings, setWarnings] = useState<readonly DatasetIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);

  const problems = useRef<HTMLDivElement>(null);
  // The problems appear below the file list: bring them into view on a 768-px-high screen.
  useEffect(() => {
    if (message) problems.current?.scrollIntoView({ block: 'start' });
  }, [message]);

  const hasWorkbook = files.some((f) => f.kind === 'workbook');
  const missing = hasWorkbook
    ? []
    : (['schools', 'posts', 'staff'] as const).filter((k) => !files.some((f) => f.kind === k));
  const formData = (): FormData => {
    const form = new FormData();
    for (const f of files) if (f.kind) form.append(f.kind, f.file, f.file.name);
    if (label.trim() !== '') form.append('label', label.trim());
    return form;
  };
  const downloadReport = async () => {
    setReporting(true);
    try {
      saveBlob(await api.problemsXlsx(formData()), '导入问题.xlsx');
    } catch (e) {
      setMessage(`问题清单下载失败：${e instanceof ApiError ? e.message : String(e)}`);
    } finally {
      setReporting(false);
    }
  };
  const submit = async () => {
    const form = formData();
    setBusy(true);
    setIssues([]);
    setWarnings([]);
    setMessage(null);
    try {
      const created = await api.upload(form);
      setFiles([]);
      setLabel('');
      onStored(created);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
      setIssues(error.issues);
      setWarnings(error.warnings);
      const total = error.issues.length + error.more.issues;
      setMessage(
        error.issues.length > 0
          ? `发现 ${total} 个问题${error.more.issues > 0 ? `（下表列出前 ${error.issues.length} 个）` : ''}，数据集未保存。请修改文件后重新上传。`
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
          学校、岗位设置、教职工（必需），乡镇、择优申请、规则（可选）；每个文件可为 CSV（UTF-8 或 GBK）或
          Excel（.xlsx/.xls），也可以是一本工作簿、各工作表以“学校”“岗位”“教职工”等命名；中文或英文表头。
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
            { title: '大小', render: (_, f) => fileSize(f.file.size) },
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
          disabled={files.length === 0 || missing.length > 0}
          onClick={submit}
        >
          上传并检查
        </Button>
        {files.length > 0 && missing.length > 0 && (
          <Typography.Text type="warning">
            还缺：{missing.map((k) => KINDS.find((x) => x.kind === k)?.label).join('、')}
          </Typography.Text>
        )}
      </Space>
      <div ref={problems}>
        {message && (
          <Alert
            type="error"
            showIcon
            title={message}
            action={
              issues.length > 0 && (
                <Button size="small" icon={<DownloadOutlined />} loading={reporting} onClick={downloadReport}>
                  下载问题清单（Excel）
                </Button>
              )
            }
          />
        )}
      </div>
      {issues.length > 0 && <IssuesTable issues={issues} label="问题列表" />}
      {warnings.length > 0 && (
        <>
          <Typography.Text type="warning">
            另有 {warnings.length} 条提醒（不影响导入，请核对）：
          </Typography.Text>
          <IssuesTable issues={warnings} label="提醒列表" warning />
        </>
      )}
    </Space>
  );
}
