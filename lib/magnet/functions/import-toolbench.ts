// ToolBench (RapidAPI) APIs. Two shapes: a tool file `{tool_name, api_list:[{name, description,
// method, required_parameters, optional_parameters}]}`, and query files whose `api_list`
// entries are flattened APIs `{category_name, tool_name, api_name, api_description, ...}`.
// The category is the tool; ToolBench's own category (`category_name`) becomes a tag. The HTTP
// `method` stays in `raw` only: every API is called the same way here, so it is no tag.
import { importEntries, type DraftResult, type Entry } from './build-function';
import { makeIssue, type IssueSite } from './issues';
import { isRecord, pointer, type JsonRecord } from './json';
import type { ImportIssue, ImportResult, JsonSchema } from './types';

/** ToolBench types by their first word in upper case (`DATE (YYYY-MM-DD)` → DATE). */
const TYPES: Record<string, JsonSchema> = {
  STRING: { type: 'string' },
  NUMBER: { type: 'number' },
  INTEGER: { type: 'integer' },
  BOOLEAN: { type: 'boolean' },
  // ToolBench ENUM parameters rarely list their values; when they do they are used below.
  ENUM: { type: 'string' },
  ARRAY: { type: 'array' },
  OBJECT: { type: 'object' },
  DATE: { type: 'string', format: 'date' },
  // JSON Schema's `time` format wants seconds and a zone; ToolBench means plain HH:MM.
  TIME: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
  // RapidAPI sends a geopoint as the text "latitude,longitude".
  GEOPOINT: { type: 'string', pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*$' },
};

function typeKey(type: unknown): string {
  return typeof type === 'string' ? (type.trim().toUpperCase().split(/[\s(]/)[0] ?? '') : '';
}

/** A ToolBench default as a value of the parameter's JSON type, or undefined when it has none. */
function coerceDefault(value: unknown, type: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (type) {
    case 'number':
    case 'integer': {
      const n =
        typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) && (type === 'number' || Number.isInteger(n)) ? n : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
    default:
      // ToolBench writes array and object defaults as free text; they would not validate.
      return undefined;
  }
}

function parameterSchema(param: JsonRecord, required: boolean, site: IssueSite, issues: ImportIssue[]): JsonSchema {
  const known = TYPES[typeKey(param.type)];
  if (!known) {
    issues.push(
      makeIssue(
        'unknown_type',
        site,
        `Parameter "${String(param.name)}" has ToolBench type ${JSON.stringify(param.type ?? null)}, which has no JSON Schema equivalent; imported as string.`,
      ),
    );
  }
  const schema: JsonSchema = { ...(known ?? { type: 'string' }) };
  if (typeKey(param.type) === 'ENUM' && Array.isArray(param.enum) && param.enum.length > 0) schema.enum = param.enum;
  if (typeof param.description === 'string' && param.description.trim() !== '')
    schema.description = param.description.trim();
  const fallback = coerceDefault(param.default, schema.type);
  if (fallback !== undefined) {
    // For a required parameter ToolBench's "default" is an example value, not a default.
    if (required) schema.examples = [fallback];
    else schema.default = fallback;
  }
  return schema;
}

/** The object schema of an API's `required_parameters` and `optional_parameters`. */
function parametersOf(api: JsonRecord, site: IssueSite, issues: ImportIssue[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, isRequired] of [
    ['required_parameters', true],
    ['optional_parameters', false],
  ] as const) {
    const list = api[key];
    if (list === undefined) continue;
    const listSite = { ...site, path: pointer(site.path, key) };
    if (!Array.isArray(list)) {
      issues.push(makeIssue('invalid_parameter', listSite, `"${key}" is not a list; ignored.`));
      continue;
    }
    list.forEach((param, k) => {
      const at = { ...site, path: pointer(listSite.path, k) };
      if (!isRecord(param) || typeof param.name !== 'string' || param.name === '') {
        issues.push(makeIssue('invalid_parameter', at, `Parameter entry ${k} of "${key}" has no name; skipped.`));
      } else if (Object.hasOwn(properties, param.name)) {
        issues.push(
          makeIssue('invalid_parameter', at, `Parameter "${param.name}" is listed again; the first entry is kept.`),
        );
      } else {
        properties[param.name] = parameterSchema(param, isRequired, at, issues);
        if (isRequired) required.push(param.name);
      }
    });
  }
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

const asIs = (schema: JsonSchema) => schema;

function apiDraft(
  api: JsonRecord,
  site: IssueSite,
  fields: { name: unknown; description: unknown; category: unknown; tag: unknown },
): DraftResult {
  const issues: ImportIssue[] = [];
  const parameters = parametersOf(api, site, issues);
  return {
    draft: {
      name: fields.name,
      description: fields.description,
      parameters: { value: parameters, path: site.path, convert: asIs },
      returns: undefined,
      category: typeof fields.category === 'string' ? fields.category : '',
      tags: typeof fields.tag === 'string' && fields.tag !== '' ? [fields.tag] : [],
      raw: api,
    },
    issues,
  };
}

function isToolFile(value: unknown): value is JsonRecord & { api_list: unknown[] } {
  return isRecord(value) && typeof value.tool_name === 'string' && Array.isArray(value.api_list);
}

/** Several tool files in one array (as a crawl or a generator writes them), not a query file. */
function isToolFileArray(value: unknown): value is (JsonRecord & { api_list: unknown[] })[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(isToolFile) &&
    !value.some((t) => t.api_list.some((api) => isRecord(api) && 'api_name' in api))
  );
}

export function importToolBench(value: unknown, file: string): ImportResult {
  if (isToolFileArray(value)) {
    // Item indexes run across the whole file; paths are prefixed with the tool's position.
    const out: ImportResult = { functions: [], issues: [] };
    let offset = 0;
    value.forEach((tool, t) => {
      const r = importToolBench(tool, file);
      const shift = (index: number | null) => (index === null ? null : index + offset);
      for (const fn of r.functions)
        out.functions.push({
          ...fn,
          origin: { ...fn.origin, index: fn.origin.index + offset, path: `/${t}${fn.origin.path}` },
        });
      for (const issue of r.issues)
        out.issues.push({ ...issue, index: shift(issue.index), path: `/${t}${issue.path}` });
      offset += tool.api_list.length;
    });
    return out;
  }
  if (isToolFile(value)) {
    const entries = value.api_list.map((item, index) => ({ item, path: pointer('', 'api_list', index), index }));
    return importEntries(entries, file, 'toolbench', (api, site) =>
      apiDraft(api, site, {
        name: api.name,
        description: api.description,
        category: value.tool_name,
        tag: value.category_name,
      }),
    );
  }

  // Query files repeat an API in every query that uses it: keep its first occurrence.
  const queries = Array.isArray(value) ? value : [value];
  const entries: Entry[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  let index = 0;
  queries.forEach((query, q) => {
    const queryPath = Array.isArray(value) ? pointer('', q) : '';
    if (!isRecord(query) || !Array.isArray(query.api_list)) {
      issues.push(
        makeIssue('invalid_function', { file, index: null, path: queryPath }, `Query ${q} has no "api_list".`),
      );
      return;
    }
    query.api_list.forEach((api, a) => {
      const key = isRecord(api) ? JSON.stringify([api.tool_name, api.api_name]) : null;
      if (key === null || !seen.has(key)) {
        if (key !== null) seen.add(key);
        entries.push({ item: api, path: pointer(queryPath, 'api_list', a), index });
      }
      index++;
    });
  });
  const result = importEntries(entries, file, 'toolbench', (api, site) =>
    apiDraft(api, site, {
      name: api.api_name,
      description: api.api_description,
      category: api.tool_name,
      tag: api.category_name,
    }),
  );
  return { functions: result.functions, issues: [...issues, ...result.issues] };
}
