import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { HOME } from '../components/shell';
import { useSession } from '../session';

function loginMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return '无法连接服务器，请稍后再试。';
  if (error.code === 'LOGIN_LOCKED') {
    const wait =
      error.retryAfterSeconds === null ? '' : `，请 ${Math.ceil(error.retryAfterSeconds / 60)} 分钟后再试`;
    return `登录失败次数过多，账户已暂时锁定${wait}。`;
  }
  if (error.code === 'LOGIN_FAILED') return '用户名或密码错误。';
  return error.message;
}

/** /login: username and password; on success the page the person was sent from, else their role's home. */
export function LoginPage() {
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = (role: keyof typeof HOME) =>
    next?.startsWith('/') && !next.startsWith('//') ? next : HOME[role];

  if (user) return <Navigate to={target(user.role)} replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          县管校聘工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          人事股 · 校长 · 纪检/督导
        </Typography.Paragraph>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={async (values: { username: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              // Straight to the page asked for or the role's home: no stop at "/" and its redirect.
              const who = await login(values.username, values.password);
              navigate(target(who.role), { replace: true });
            } catch (e) {
              setError(loginMessage(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
