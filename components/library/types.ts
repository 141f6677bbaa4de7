// Shapes the library UI reads from the REST API (mirrors lib/server/library).
export interface FunctionRowView {
  id: string;
  name: string;
  originalName: string;
  description: string;
  parameters: { properties?: Record<string, unknown>; required?: string[] };
  returns: object | null;
  category: string;
  tags: string[];
  sourceFormat: string;
  version: number;
  editedAt: string | null;
}

export interface FunctionPage {
  total: number;
  offset: number;
  limit: number;
  functions: FunctionRowView[];
}

export interface Facet {
  value: string;
  count: number;
}

export interface Facets {
  total: number;
  categories: Facet[];
  tags: Facet[];
  sources: Facet[];
}

export interface Issue {
  level: 'error' | 'warning';
  code: string;
  file: string;
  index: number | null;
  path: string;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  importId: string | null;
  files: { name: string; format: string | null; bytes: number; functions: number }[];
  imported: number;
  updated: number;
  skipped: number;
  issues: Issue[];
}

export const FORMAT_LABELS: Record<string, string> = {
  openai: 'OpenAI tools',
  bfcl: 'BFCL func docs',
  toolbench: 'ToolBench',
  mcp: 'MCP tools/list',
  gemini: 'Gemini declarations',
  curator: 'Studio',
};
