import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import type { Role } from './api/types';
import { HOME, Shell } from './components/shell';
import { ForbiddenPage, NotFoundPage } from './components/status';
import { AccountsPage } from './pages/accounts';
import { AuditPage } from './pages/audit';
import { DatasetPage } from './pages/dataset';
import { DatasetsPage } from './pages/datasets';
import { LoginPage } from './pages/login';
import { RunPage } from './pages/run';
import { RunsPage } from './pages/runs';
import { SchoolPage } from './pages/school';
import { StaffPage } from './pages/staff';
import { useSession } from './session';

/** Behind the login, and only for the given roles (the API enforces the same; this spares a round trip). */
function Guard({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loggedOut } = useSession();
  const location = useLocation();
  if (user === undefined) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (user === null) {
    // After 退出 the next person starts at their own home page, not at the last user's page.
    if (loggedOut) return <Navigate to="/login" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Shell>{roles.includes(user.role) ? children : <ForbiddenPage />}</Shell>;
}

/** A principal's page of a run is their school's page; other roles see the county. */
function RunOrOwnSchool() {
  const { user } = useSession();
  const { id } = useParams();
  if (user?.role === 'principal')
    return <Navigate to={`/runs/${id}/schools/${user.schoolCode ?? ''}`} replace />;
  return <RunPage />;
}

function Home() {
  const { user } = useSession();
  if (user === undefined) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  return <Navigate to={user ? HOME[user.role] : '/login'} replace />;
}

/** An unknown page: inside the frame for someone logged in (their menu stays), bare otherwise. */
function UnknownPage() {
  const { user } = useSession();
  if (user === undefined) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  return user ? (
    <Shell>
      <NotFoundPage />
    </Shell>
  ) : (
    <NotFoundPage />
  );
}

const ALL: readonly Role[] = ['hr', 'principal', 'auditor'];

/** The console's linkable routes; server/plugins/console.ts answers index.html for the same paths. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/datasets"
        element={
          <Guard roles={['hr', 'auditor']}>
            <DatasetsPage />
          </Guard>
        }
      />
      <Route
        path="/datasets/:id"
        element={
          <Guard roles={['hr', 'auditor']}>
            <DatasetPage />
          </Guard>
        }
      />
      <Route
        path="/runs"
        element={
          <Guard roles={ALL}>
            <RunsPage />
          </Guard>
        }
      />
      <Route
        path="/runs/:id"
        element={
          <Guard roles={ALL}>
            <RunOrOwnSchool />
          </Guard>
        }
      />
      <Route
        path="/runs/:id/schools/:code"
        element={
          <Guard roles={ALL}>
            <SchoolPage />
          </Guard>
        }
      />
      <Route
        path="/runs/:id/staff/:staffId"
        element={
          <Guard roles={ALL}>
            <StaffPage />
          </Guard>
        }
      />
      <Route
        path="/audit"
        element={
          <Guard roles={['hr', 'auditor']}>
            <AuditPage />
          </Guard>
        }
      />
      <Route
        path="/accounts"
        element={
          <Guard roles={['hr']}>
            <AccountsPage />
          </Guard>
        }
      />
      <Route path="*" element={<UnknownPage />} />
    </Routes>
  );
}
