import type { DatasetIssue } from '../import';

/**
 * One line per problem, `file:line [column]: message`, as an editor or a person reading a terminal expects
 * (`prefix` e.g. "warning: " for warnings).
 */
export function formatIssues(issues: readonly DatasetIssue[], prefix = ''): string {
  return issues
    .map(
      (i) =>
        `${prefix}${i.file}${i.line === null ? '' : `:${i.line}`}${i.column === null ? '' : ` [${i.column}]`}: ${i.message}`,
    )
    .join('\n');
}
