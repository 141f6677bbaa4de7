// Gemini function declarations: `{functionDeclarations:[...]}`, `{tools:[{functionDeclarations}]}`
// (a request body), a list of either, or a bare list of declarations. A declaration's
// `parameters`/`response` are Gemini's OpenAPI subset; `parametersJsonSchema`/
// `responseJsonSchema` are JSON Schema. The REST API's snake_case spellings are accepted too.
import { importEntries, type Entry, type SchemaSource } from './build-function';
import { makeIssue } from './issues';
import { isRecord, pointer, type JsonRecord } from './json';
import { normalizeJsonSchema } from './schema';
import { mapSchema } from './schema-walk';
import type { ImportIssue, ImportResult, JsonSchema } from './types';

// int64 fields, which Gemini's JSON encodes as strings ("maxItems": "5").
const INT64_KEYWORDS = ['minItems', 'maxItems', 'minLength', 'maxLength', 'minProperties', 'maxProperties'];

/** Gemini Schema (OpenAPI 3.0 subset) → JSON Schema: lower-case types, `nullable`, int64 strings. */
export function geminiToJsonSchema(schema: JsonSchema): JsonSchema {
  return mapSchema(schema, (node) => {
    if (typeof node.type === 'string') {
      const type = node.type.toLowerCase();
      if (type === 'type_unspecified') delete node.type;
      else node.type = type;
    }
    if (node.nullable === true) {
      if (typeof node.type === 'string') node.type = [node.type, 'null'];
      if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
    }
    if (typeof node.nullable === 'boolean') delete node.nullable;
    for (const key of INT64_KEYWORDS) {
      if (typeof node[key] === 'string' && /^\d+$/.test(node[key])) node[key] = Number(node[key]);
    }
    return node;
  }) as JsonSchema;
}

/** The value under a camelCase field or its snake_case twin, with the key found. */
function field(record: JsonRecord, camel: string): { key: string; value: unknown } | null {
  const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  if (record[camel] !== undefined) return { key: camel, value: record[camel] };
  if (record[snake] !== undefined) return { key: snake, value: record[snake] };
  return null;
}

function geminiEntries(value: unknown, file: string, issues: ImportIssue[]): Entry[] {
  const entries: Entry[] = [];
  // Adds the declarations a container holds; false when the value is no container.
  const container = (v: unknown, path: string): boolean => {
    if (!isRecord(v)) return false;
    const declarations = field(v, 'functionDeclarations');
    if (declarations && Array.isArray(declarations.value)) {
      declarations.value.forEach((item, j) =>
        entries.push({ item, path: pointer(path, declarations.key, j), index: entries.length }),
      );
      return true;
    }
    if (!Array.isArray(v.tools)) return false;
    v.tools.forEach((tool, j) => {
      const toolPath = pointer(path, 'tools', j);
      if (!container(tool, toolPath)) {
        issues.push(
          makeIssue(
            'unsupported_tool',
            { file, index: null, path: toolPath },
            'Tool without function declarations (e.g. a built-in tool); skipped.',
          ),
        );
      }
    });
    return true;
  };
  if (Array.isArray(value)) {
    value.forEach(
      (v, i) => container(v, pointer('', i)) || entries.push({ item: v, path: pointer('', i), index: entries.length }),
    );
  } else if (!container(value, '')) {
    entries.push({ item: value, path: '', index: 0 });
  }
  return entries;
}

/** A declaration's schema from its OpenAPI field or its JSON Schema field; 'both' when it sets both, which Gemini rejects. */
function schemaOf(
  decl: JsonRecord,
  path: string,
  openApiKey: string,
  jsonSchemaKey: string,
): SchemaSource | undefined | 'both' {
  const openApi = field(decl, openApiKey);
  const jsonSchema = field(decl, jsonSchemaKey);
  if (openApi && jsonSchema) return 'both';
  if (jsonSchema) return { value: jsonSchema.value, path: pointer(path, jsonSchema.key), convert: normalizeJsonSchema };
  if (openApi) return { value: openApi.value, path: pointer(path, openApi.key), convert: geminiToJsonSchema };
  return undefined;
}

export function importGemini(value: unknown, file: string): ImportResult {
  const issues: ImportIssue[] = [];
  const entries = geminiEntries(value, file, issues);
  const result = importEntries(entries, file, 'gemini', (decl, site) => {
    const parameters = schemaOf(decl, site.path, 'parameters', 'parametersJsonSchema');
    const returns = schemaOf(decl, site.path, 'response', 'responseJsonSchema');
    if (parameters === 'both' || returns === 'both') {
      const pair = parameters === 'both' ? 'parameters and parametersJsonSchema' : 'response and responseJsonSchema';
      return {
        draft: null,
        issues: [
          makeIssue(
            'invalid_function',
            site,
            `Declaration ${JSON.stringify(decl.name ?? null)} sets both ${pair}; keep one.`,
          ),
        ],
      };
    }
    return {
      draft: { name: decl.name, description: decl.description, parameters, returns, category: '', tags: [], raw: decl },
      issues: [],
    };
  });
  return { functions: result.functions, issues: [...issues, ...result.issues] };
}
