// The one Function model every importer normalizes into, and the issues an import reports.
// Pure types: no database, no React, no network (see ARCHITECTURE.md).

/** A JSON Schema (draft 2020-12) object. Kept loose on purpose: imported schemas vary. */
export type JsonSchema = { [key: string]: unknown };

export const SOURCE_FORMATS = ['openai', 'bfcl', 'toolbench', 'mcp', 'gemini'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One function after normalization, before it is given its final name in a project. */
export interface NormalizedFunction {
  /** Name as written in the source (BFCL names may contain '.'). */
  originalName: string;
  description: string;
  /** Always `{type:"object", properties, required?, ...}`, valid JSON Schema 2020-12. */
  parameters: JsonSchema;
  /** Output schema when the source has one (BFCL `response`, MCP `outputSchema`, Gemini `response`). */
  returns: JsonSchema | null;
  /** BFCL class (file stem), ToolBench tool, MCP server, or source category; '' when none. */
  category: string;
  tags: string[];
  sourceFormat: SourceFormat;
  /** The original item, verbatim. */
  raw: unknown;
  /**
   * Where it came from, for messages: `index` counts function entries in document order,
   * `path` is the JSON pointer of the entry in the file.
   */
  origin: { file: string; index: number; path: string };
}

export type IssueLevel = 'error' | 'warning';

/** A problem found while importing, located by file, item index and JSON path (RFC 6901 pointer). */
export interface ImportIssue {
  level: IssueLevel;
  /** Machine-readable code, e.g. 'invalid_json', 'unknown_format', 'invalid_schema', 'ref_cycle', 'duplicate_name', 'renamed', 'openai_name'. */
  code: string;
  file: string;
  /** Index of the item (function/tool/line) in the file; null for file-level problems. */
  index: number | null;
  /** JSON pointer inside the file, e.g. '/tools/3/inputSchema/properties/x'; '' for the whole file. */
  path: string;
  message: string;
}

/**
 * Every code an import reports, with its fixed level. Errors block an import; warnings are
 * shown to the curator and the function is still imported.
 */
export const ISSUE_CODES = {
  /** The file is not JSON / JSON-lines; the message names line and column. */
  invalid_json: 'error',
  /** No supported format recognised; the message lists the formats tried. */
  unknown_format: 'error',
  /** The caller named a format the file does not have. */
  format_mismatch: 'error',
  /** An entry is not a function (not an object, no name, contradictory fields). */
  invalid_function: 'error',
  /** A schema is not JSON Schema 2020-12, or parameters are not an object schema. */
  invalid_schema: 'error',
  /** A schema is nested deeper or is larger than the validator will walk. */
  schema_too_large: 'error',
  /** A `$ref` that points nowhere (external references are not fetched). */
  unresolved_ref: 'error',
  /** `$ref`s that loop back without descending into the instance: validation would never end. */
  ref_cycle: 'error',
  /** Two functions with the same identity (category, original name). */
  duplicate_name: 'error',
  /** No function found in any file. */
  empty_library: 'error',
  /** Legal recursion through properties/items; argument synthesis must bound its depth. */
  recursive_schema: 'warning',
  /** `required` names a property that `properties` does not define. */
  required_unknown: 'warning',
  /** A source type with no JSON Schema equivalent (ToolBench); imported as string. */
  unknown_type: 'warning',
  /** A ToolBench parameter entry that is skipped or overrides an earlier one. */
  invalid_parameter: 'warning',
  /** A tool that is not a function (e.g. an OpenAI built-in tool); skipped. */
  unsupported_tool: 'warning',
  /** Empty description: teacher translation works much better with one. */
  missing_description: 'warning',
  /** The name does not match OpenAI's `^[a-zA-Z0-9_-]{1,64}$`; the message gives the exported name. */
  openai_name: 'warning',
  /** A name taken by another category; the newcomer got a predictable new name. */
  renamed: 'warning',
} as const satisfies Record<string, IssueLevel>;
export type IssueCode = keyof typeof ISSUE_CODES;

/** A schema problem located inside a file but not yet attributed to a file and item. */
export type SchemaIssue = Omit<ImportIssue, 'file' | 'index'>;

export interface ImportResult {
  functions: NormalizedFunction[];
  issues: ImportIssue[];
}

/** Reads one parsed file of a known format. */
export type Importer = (value: unknown, file: string) => ImportResult;

export interface ParsedFile {
  file: string;
  format: SourceFormat | null;
  functions: NormalizedFunction[];
  issues: ImportIssue[];
}

/** What the exporters need of a project function (its final name, not the original one). */
export interface ExportableFunction {
  name: string;
  description: string;
  parameters: JsonSchema;
  returns: JsonSchema | null;
  category: string;
  tags: string[];
}
