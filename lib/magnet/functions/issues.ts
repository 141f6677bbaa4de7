// Building issues with their level taken from ISSUE_CODES, so a code never changes level.
import { ISSUE_CODES, type ImportIssue, type IssueCode, type SchemaIssue } from './types';

export interface IssueSite {
  file: string;
  index: number | null;
  path: string;
}

export function makeIssue(code: IssueCode, site: IssueSite, message: string): ImportIssue {
  return { level: ISSUE_CODES[code], code, file: site.file, index: site.index, path: site.path, message };
}

export function makeSchemaIssue(code: IssueCode, path: string, message: string): SchemaIssue {
  return { level: ISSUE_CODES[code], code, path, message };
}

export function hasErrors(issues: readonly { level: string }[]): boolean {
  return issues.some((i) => i.level === 'error');
}
