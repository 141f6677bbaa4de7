// BFCL function docs: JSON-lines of `{name, description, parameters, response}` whose schemas
// use BFCL's Python-flavoured types. The file stem is the BFCL class, e.g. `gorilla_file_system`.
import { importEntries } from './build-function';
import { pointer } from './json';
import { mapSchema } from './schema-walk';
import type { ImportResult, JsonSchema } from './types';

const TYPE_MAP: Record<string, string> = { dict: 'object', float: 'number', tuple: 'array' };

/** BFCL type → JSON Schema type; undefined for `any`, which constrains nothing. */
function convertType(type: unknown): unknown {
  if (typeof type === 'string') return type === 'any' ? undefined : (TYPE_MAP[type] ?? type);
  if (Array.isArray(type)) return type.includes('any') ? undefined : type.map(convertType);
  return type;
}

/** Rewrites BFCL types (`dict`, `float`, `tuple`, `any`) everywhere in a schema. */
export function bfclToJsonSchema(schema: JsonSchema): JsonSchema {
  return mapSchema(schema, (node) => {
    if ('type' in node) {
      const type = convertType(node.type);
      if (type === undefined) delete node.type;
      else node.type = type;
    }
    return node;
  }) as JsonSchema;
}

/** `dir/gorilla_file_system.json` → `gorilla_file_system`. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function importBfcl(value: unknown, file: string): ImportResult {
  const items = Array.isArray(value) ? value : [value];
  const entries = items.map((item, index) => ({ item, path: Array.isArray(value) ? pointer('', index) : '', index }));
  const category = fileStem(file);
  return importEntries(entries, file, 'bfcl', (item, site) => ({
    draft: {
      name: item.name,
      description: item.description,
      parameters:
        item.parameters === undefined
          ? undefined
          : { value: item.parameters, path: pointer(site.path, 'parameters'), convert: bfclToJsonSchema },
      returns:
        item.response === undefined
          ? undefined
          : { value: item.response, path: pointer(site.path, 'response'), convert: bfclToJsonSchema },
      category,
      tags: [],
      raw: item,
    },
    issues: [],
  }));
}
