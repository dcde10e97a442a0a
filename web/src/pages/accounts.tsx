import { Alert, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { Account, Role } from '../api/types';
import { PageTitle } from '../components/shell';
import { Loading } from '../components/status';
import { useApi } from '../components/use-api';
import { ROLE_LABEL } from '../labels';

interface FormValues {
  username: string;
  displayName: string;
  role: Role;
  schoolCode?: string;
  password?: string;
  disabled?: boolean;
}

const ROLES = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** Create (editing === null) or change an account; a principal must name their school. */
function AccountForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: Account | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const schoolCode = v.role === 'principal' ? v.schoolCode?.trim() : undefined;
      if (editing) {
        await api.updateAccount(editing.username, {
          displayName: v.displayName,
          role: v.role,
          schoolCode: schoolCode ?? null,
          ...(v.password ? { password: v.password } : {}),
          disabled: v.disabled ?? false,
        });
      } else {
        await api.createAccount({
          username: v.username,
          displayName: v.displayName,
          role: v.role,
          password: v.password ?? '',
          ...(schoolCode ? { schoolCode } : {}),
        });
      }
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message}（${e.code}）` : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={editing ? `修改账户 ${editing.username}` : '新建账户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? { ...editing, schoolCode: editing.schoolCode ?? undefined }
            : { role: 'principal' as Role, disabled: false }
        }
        onFinish={submit}
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 个字母、数字、_ . -' }]}
        >
          <Input disabled={editing !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item label="显示名" name="displayName" rules={[{ required: true, message: '请输入显示名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true }]}>
          <Select options={ROLES} />
        </Form.Item>
        {role === 'principal' && (
          <Form.Item
            label="学校代码"
            name="schoolCode"
            rules={[{ required: true, message: '校长须绑定一所学校' }]}
          >
            <Input placeholder="如 YCM01" />
          </Form.Item>
        )}
        <Form.Item
          label={editing ? '新密码（不改请留空）' : '初始密码'}
          name="password"
          rules={
            editing ? [{ min: 8, message: '至少 8 位' }] : [{ required: true, min: 8, message: '至少 8 位' }]
          }
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {editing && (
          <Form.Item label="停用" name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** /accounts: HR manages who may log in, with which role and school. */
export function AccountsPage() {
  const accounts = useApi(() => api.accounts(), 'accounts');
  const [editing, setEditing] = useState<Account | null | 'new'>(null);
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            新建账户
          </Button>
        }
      >
        账户
      </PageTitle>
      <Card>
        <Loading state={accounts}>
          {({ accounts: rows }) => (
            <Table<Account>
              size="small"
              rowKey="username"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  title: '用户名',
                  dataIndex: 'username',
                  sorter: (a, b) => a.username.localeCompare(b.username),
                },
                { title: '显示名', dataIndex: 'displayName' },
                {
                  title: '角色',
                  dataIndex: 'role',
                  filters: ROLES.map((r) => ({ text: r.label, value: r.value })),
                  onFilter: (v, a) => a.role === v,
                  render: (r: Role) => ROLE_LABEL[r],
                },
                { title: '学校', dataIndex: 'schoolCode', render: (v: string | null) => v ?? '—' },
                {
                  title: '状态',
                  dataIndex: 'disabled',
                  render: (d: boolean) => (d ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>),
                },
                {
                  title: '',
                  render: (_, a) => (
                    <Button size="small" onClick={() => setEditing(a)}>
                      修改
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Loading>
      </Card>
      {editing !== null && (
        <AccountForm
          editing={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            accounts.reload();
          }}
        />
      )}
    </>
  );
}
