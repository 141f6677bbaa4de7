// Normalizing JSON Schemas from tool sources to draft 2020-12, and validating them.
//
// Validation order: shape limits (so nothing below can hang or overflow), a walk that reports
// the common mistakes with precise paths and hints, `$ref` analysis, then Ajv (meta-schema,
// then compile) for everything else. Each stage runs only if the previous found no error, so
// one mistake gives one message.
//
// Level choices: an unknown `type`, non-object `properties`, a malformed `required` and any
// schema Ajv rejects are errors (nothing downstream can use them). `required` naming a
// property that `properties` lacks is legal JSON Schema, so only a warning.
import Ajv2020, { MissingRefError } from 'ajv/dist/2020';
import { hasErrors, makeSchemaIssue } from './issues';
import { isRecord, pointer, type JsonRecord } from './json';
import { checkRefs } from './schema-refs';
import { checkJsonLimits, mapSchema, subschemas } from './schema-walk';
import type { ImportIssue, JsonSchema, SchemaIssue } from './types';

const JSON_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
const BFCL_TYPES: Record<string, string> = { dict: 'object', float: 'number', tuple: 'array', any: 'no type' };
const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;

/**
 * Brings a JSON Schema of an older draft (MCP servers typically emit draft-07) to 2020-12:
 * drops other drafts' `$schema` (their keywords used here mean the same), and rewrites the
 * keywords whose meaning changed: array `items` → `prefixItems`, `dependencies`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum`. Idempotent; does not mutate its input.
 */
export function normalizeJsonSchema(schema: JsonSchema): JsonSchema {
  return mapSchema(schema, (node) => {
    if (typeof node.$schema === 'string' && !DRAFT_2020.test(node.$schema)) delete node.$schema;
    if (Array.isArray(node.items)) {
      node.prefixItems = node.items;
      delete node.items;
      if ('additionalItems' in node) {
        node.items = node.additionalItems;
        delete node.additionalItems;
      }
    }
    if (isRecord(node.dependencies)) {
      for (const [name, dep] of Object.entries(node.dependencies)) {
        const key = Array.isArray(dep) ? 'dependentRequired' : 'dependentSchemas';
        node[key] = { ...(isRecord(node[key]) ? node[key] : {}), [name]: dep };
      }
      delete node.dependencies;
    }
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (typeof node[flag] !== 'boolean') continue;
      if (node[flag] && typeof node[bound] === 'number') {
        node[flag] = node[bound];
        delete node[bound];
      } else {
        delete node[flag];
      }
    }
    return node;
  }) as JsonSchema;
}

/** Parameters are an object schema: adds `type: "object"` and `properties: {}` when left out. */
export function completeParametersSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { type: 'object', ...schema };
  if (out.type === 'object' && out.properties === undefined) out.properties = {};
  return out;
}

/** Names a value's kind for messages: 'an array', 'a string ("x")'... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}

function typeProblem(type: string): string {
  if (Object.hasOwn(BFCL_TYPES, type)) {
    return `BFCL type "${type}" is not JSON Schema (it means ${BFCL_TYPES[type]}); import the file as BFCL to convert it`;
  }
  if (JSON_TYPES.includes(type.toLowerCase())) {
    return `type "${type}" must be lower-case ("${type.toLowerCase()}"); Gemini/OpenAPI schemas are converted when imported as Gemini`;
  }
  return `unknown type "${type}"; JSON Schema types are ${JSON_TYPES.join(', ')}`;
}

/** Which file and item a validated schema belongs to; '' and null when it is edited on its own. */
export interface SchemaOwner {
  file: string;
  index: number | null;
}

const NO_OWNER: SchemaOwner = { file: '', index: null };

function attribute(issues: SchemaIssue[], owner: SchemaOwner): ImportIssue[] {
  return issues.map((i) => ({ ...i, file: owner.file, index: owner.index }));
}

/** Checks parameters: an object schema that is valid JSON Schema 2020-12. `base` prefixes every issue path. */
export function validateParametersSchema(schema: unknown, base: string, owner: SchemaOwner = NO_OWNER): ImportIssue[] {
  return attribute(checkParameters(schema, base), owner);
}

/** Checks an output schema: any JSON Schema 2020-12 that compiles. `base` prefixes every issue path. */
export function validateReturnsSchema(schema: unknown, base: string, owner: SchemaOwner = NO_OWNER): ImportIssue[] {
  return attribute(checkSchema(schema, base), owner);
}

function checkParameters(schema: unknown, base: string): SchemaIssue[] {
  if (!isRecord(schema)) {
    return [
      makeSchemaIssue(
        'invalid_schema',
        base,
        `Parameters must be a JSON Schema object with "type": "object", got ${describeValue(schema)}.`,
      ),
    ];
  }
  if (schema.type !== 'object') {
    const got =
      typeof schema.type === 'string'
        ? `type "${schema.type}"${JSON_TYPES.includes(schema.type) ? '' : ` (${typeProblem(schema.type)})`}`
        : schema.type === undefined
          ? 'no type'
          : `type ${describeValue(schema.type)}`;
    return [
      makeSchemaIssue(
        'invalid_schema',
        pointer(base, 'type'),
        `Parameters must be an object schema ("type": "object"), got ${got}.`,
      ),
    ];
  }
  return checkSchema(schema, base);
}

function checkSchema(schema: unknown, base: string): SchemaIssue[] {
  if (typeof schema === 'boolean') return [];
  if (!isRecord(schema)) {
    return [makeSchemaIssue('invalid_schema', base, `A schema must be a JSON object, got ${describeValue(schema)}.`)];
  }
  const limits = checkJsonLimits(schema);
  if (limits) return [makeSchemaIssue(limits.code, base, `The schema cannot be checked: ${limits.reason}.`)];

  const issues: SchemaIssue[] = [];
  checkKeywords(schema, base, true, issues);
  if (hasErrors(issues)) return issues;
  issues.push(...checkRefs(schema, base));
  if (hasErrors(issues)) return issues;
  issues.push(...compileWithAjv(schema, base));
  return issues;
}

/** Keywords beside `required` that may define or constrain a required property other than `properties`. */
const COMPOSED = [
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'if',
  'dependentSchemas',
  'dependencies',
  'patternProperties',
  'additionalProperties',
];

/**
 * Reports wrong `type`, `properties`, `required` and subschema values. `required` names are
 * checked against `properties` only on schemas that describe an instance on their own (the
 * root, and those under properties/items...): a subschema of allOf, if/then or $defs often
 * requires properties its parent defines.
 */
function checkKeywords(node: JsonRecord, ptr: string, standalone: boolean, issues: SchemaIssue[]): void {
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  for (const type of types) {
    if (typeof type !== 'string') {
      issues.push(
        makeSchemaIssue(
          'invalid_schema',
          pointer(ptr, 'type'),
          `"type" must be a string or a list of strings, got ${describeValue(type)}.`,
        ),
      );
    } else if (!JSON_TYPES.includes(type)) {
      issues.push(makeSchemaIssue('invalid_schema', pointer(ptr, 'type'), `Invalid schema: ${typeProblem(type)}.`));
    }
  }
  if (node.properties !== undefined && !isRecord(node.properties)) {
    issues.push(
      makeSchemaIssue(
        'invalid_schema',
        pointer(ptr, 'properties'),
        `"properties" must be an object mapping names to schemas, got ${describeValue(node.properties)}.`,
      ),
    );
  }
  if (node.required !== undefined) {
    if (!Array.isArray(node.required) || !node.required.every((r) => typeof r === 'string')) {
      issues.push(
        makeSchemaIssue(
          'invalid_schema',
          pointer(ptr, 'required'),
          `"required" must be a list of property names, got ${describeValue(node.required)}.`,
        ),
      );
    } else if (standalone && !COMPOSED.some((k) => k in node)) {
      const defined = isRecord(node.properties) ? node.properties : {};
      for (const name of node.required as string[]) {
        if (!Object.hasOwn(defined, name)) {
          issues.push(
            makeSchemaIssue(
              'required_unknown',
              pointer(ptr, 'required'),
              `"required" names "${name}", which "properties" does not define; any value will be accepted for it.`,
            ),
          );
        }
      }
    }
  }
  for (const sub of subschemas(node)) {
    const at = pointer(ptr, ...sub.tokens);
    if (isRecord(sub.schema)) checkKeywords(sub.schema, at, sub.relation === 'descend', issues);
    else if (typeof sub.schema !== 'boolean') {
      issues.push(
        makeSchemaIssue(
          'invalid_schema',
          at,
          `Expected a schema (an object or a boolean), got ${describeValue(sub.schema)}.`,
        ),
      );
    }
  }
}

// One instance, reset after every use: building a new Ajv per schema costs ~10 ms, and the
// reset keeps schemas that reuse an `$id` from colliding.
let ajvInstance: Ajv2020 | null = null;
function ajv(): Ajv2020 {
  ajvInstance ??= new Ajv2020({ strict: false, allErrors: true, logger: false });
  return ajvInstance;
}

const COMPILE_KEYWORDS = /"(\$ref|\$dynamicRef|\$id|\$anchor|\$dynamicAnchor|pattern|patternProperties)":/;
function needsCompile(schema: JsonSchema): boolean {
  return COMPILE_KEYWORDS.test(JSON.stringify(schema));
}

function compileWithAjv(schema: JsonSchema, base: string): SchemaIssue[] {
  const instance = ajv();
  try {
    if (!instance.validateSchema(schema)) {
      // The meta-schema reports a wrong value once per alternative it tried: keep one per place.
      const seen = new Set<string>();
      const issues: SchemaIssue[] = [];
      for (const error of instance.errors ?? []) {
        if (error.keyword === 'anyOf' || seen.has(error.instancePath)) continue;
        seen.add(error.instancePath);
        issues.push(
          makeSchemaIssue(
            'invalid_schema',
            base + error.instancePath,
            `Invalid schema: ${error.instancePath || 'schema'} ${error.message ?? 'is invalid'}.`,
          ),
        );
      }
      return issues;
    }
    // Past the meta-schema, compiling only finds more in references and regular expressions;
    // it costs ~0.3 ms a schema, which dominates a 16,000-function import, so skip it otherwise.
    if (needsCompile(schema)) instance.compile(schema);
    return [];
  } catch (error) {
    if (error instanceof MissingRefError) {
      return [makeSchemaIssue('unresolved_ref', base, `$ref "${error.missingRef}" cannot be resolved.`)];
    }
    const message = error instanceof Error ? error.message : String(error);
    return [makeSchemaIssue('invalid_schema', base, `The schema does not compile: ${message}.`)];
  } finally {
    instance.removeSchema();
  }
}
