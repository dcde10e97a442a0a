import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { ROLE_LABEL } from '../labels';
import { useSession, useUser } from '../session';

const NAV: Record<Role, readonly { path: string; label: string }[]> = {
  hr: [
    { path: '/datasets', label: '数据集' },
    { path: '/runs', label: '分配与结果' },
    { path: '/audit', label: '审计' },
    { path: '/accounts', label: '账户' },
  ],
  principal: [{ path: '/runs', label: '本校名单' }],
  auditor: [
    { path: '/audit', label: '复核与审计' },
    { path: '/runs', label: '分配结果' },
    { path: '/datasets', label: '数据集' },
  ],
};

/** Where each role lands after logging in. */
export const HOME: Record<Role, string> = { hr: '/datasets', principal: '/runs', auditor: '/audit' };

/** The frame of every page behind the login: the county's title, the role's menu, who is logged in. */
export function Shell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useSession();
  const location = useLocation();
  const items = NAV[user.role];
  const selected = items.find((i) => location.pathname.startsWith(i.path))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="no-print"
        style={{ display: 'flex', alignItems: 'center', gap: 24, padding: '0 20px' }}
      >
        <Link
          to={HOME[user.role]}
          style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          县管校聘工作台
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected ? [selected] : []}
          items={items.map((i) => ({ key: i.path, label: <Link to={i.path}>{i.label}</Link> }))}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space style={{ color: '#fff' }}>
          <span>
            {user.displayName}（{ROLE_LABEL[user.role]}
            {user.schoolCode ? ` · ${user.schoolCode}` : ''}）
          </span>
          <Button
            size="small"
            // The guard then sends the page to /login, without a ?next= for whoever logs in next.
            onClick={() => logout()}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 20px' }}>{children}</Layout.Content>
    </Layout>
  );
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}
