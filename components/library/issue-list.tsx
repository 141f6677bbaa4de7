import { AlertTriangle, XCircle } from 'lucide-react';
import type { Issue } from './types';

/** Every import problem with where it is: file, item index and JSON path. Text only, never HTML. */
export function IssueList({ issues, max = 200 }: { issues: Issue[]; max?: number }) {
  if (issues.length === 0) return null;
  return (
    <ul className="max-h-64 divide-y overflow-auto rounded-md border text-sm" aria-label="Import problems">
      {issues.slice(0, max).map((issue, i) => (
        <li key={i} className="flex gap-2 px-3 py-2">
          {issue.level === 'error' ? (
            <XCircle className="text-destructive mt-0.5 size-4 shrink-0" aria-label="error" />
          ) : (
            <AlertTriangle className="text-warning mt-0.5 size-4 shrink-0" aria-label="warning" />
          )}
          <div className="min-w-0">
            <div className="text-muted-foreground font-mono text-xs break-all">
              {issue.file || '(input)'}
              {issue.index !== null && <> · item {issue.index}</>}
              {issue.path && <> · {issue.path}</>}
            </div>
            <div className="break-words">{issue.message}</div>
          </div>
        </li>
      ))}
      {issues.length > max && <li className="text-muted-foreground px-3 py-2">… and {issues.length - max} more</li>}
    </ul>
  );
}
