import type { DatasetIssue } from '../import';

/** One line per problem, `file:line [column]: message`, as an editor or a person reading a terminal expects. */
export function formatIssues(issues: readonly DatasetIssue[]): string {
  return issues
    .map(
      (i) =>
        `${i.file}${i.line === null ? '' : `:${i.line}`}${i.column === null ? '' : ` [${i.column}]`}: ${i.message}`,
    )
    .join('\n');
}
