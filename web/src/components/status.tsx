import { Alert, Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import type { Loaded } from './use-api';

/** The page a person gets for something their role or school may not see. */
export function ForbiddenPage({ detail }: { detail?: string }) {
  return (
    <Result
      status="403"
      title="403 无权访问"
      subTitle={detail ?? '您的账户无权查看此页面（校长只能查看本校）。'}
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage({ detail }: { detail?: string }) {
  return (
    <Result
      status="404"
      title="404 未找到"
      subTitle={detail ?? '没有这个页面。'}
      extra={
        <Link to="/">
          <Button>返回首页</Button>
        </Link>
      }
    />
  );
}

export function ErrorView({ error }: { error: ApiError }) {
  if (error.status === 403) return <ForbiddenPage />;
  if (error.status === 404) return <NotFoundPage detail={error.message} />;
  return <Alert type="error" showIcon title={`请求失败（${error.code}）`} description={error.message} />;
}

/** Spinner while loading, the error page on failure, else the page drawn from the data. */
export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorView error={state.error} />;
  if (state.data === undefined)
    return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  return <>{children(state.data)}</>;
}
