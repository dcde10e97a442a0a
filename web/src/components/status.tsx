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

/**
 * What was not found, in the console's words, from the API's 404 (server/error-codes.ts). The client asks
 * for Chinese (api/client.ts), so a run's or dataset's message ends with its number ("没有运行记录 999");
 * a school's or staff member's names nothing, so a principal cannot probe other schools.
 */
export function notFoundText(error: Pick<ApiError, 'code' | 'message'>): string {
  const m = error.message;
  switch (error.code) {
    case 'RUN_NOT_FOUND':
      return `没有分配 #${/(\S+)$/.exec(m)?.[1] ?? ''}。`;
    case 'DATASET_NOT_FOUND':
      return `没有数据集 #${/(\S+)$/.exec(m)?.[1] ?? ''}。`;
    case 'SCHOOL_NOT_FOUND':
      return '没有这所学校。';
    case 'STAFF_NOT_FOUND':
      return '没有这个人。';
    default:
      return /[\u4e00-\u9fff]/.test(m) ? m : '没有这个页面或记录。';
  }
}

export function ErrorView({ error }: { error: ApiError }) {
  if (error.status === 403) return <ForbiddenPage />;
  if (error.status === 404) return <NotFoundPage detail={notFoundText(error)} />;
  return <Alert type="error" showIcon title={`请求失败（${error.code}）`} description={error.message} />;
}

/** Spinner while loading, the error page on failure, else the page drawn from the data. */
export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorView error={state.error} />;
  if (state.data === undefined)
    return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  return <>{children(state.data)}</>;
}
