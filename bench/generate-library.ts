// Synthetic function libraries for benchmarks: ToolBench tool files at ToolBench scale
// (16,000 APIs in 49 categories) and BFCL JSON-lines classes with response schemas (the paper's
// 5,011-function graph). Same seed → byte-identical output, so benchmark runs are comparable.
//
//   npx tsx bench/generate-library.ts --functions 16000 --seed 1 --out DIR      one file per tool
//   npx tsx bench/generate-library.ts --functions 16000 --seed 1 --single FILE  one JSON array
//   npx tsx bench/generate-library.ts --format bfcl --functions 5011 --classes 49 --seed 1 --out DIR

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { buildApi, pickTemplates, type ApiSpec, type Field } from './api-templates';
import { Rng } from './rng';
import {
  BRAND_PREFIXES,
  BRAND_SUFFIXES,
  CATEGORY_ENTITIES,
  CATEGORY_WORDS,
  CLASS_SUFFIXES,
  ENTITY_MODIFIERS,
  TOOLBENCH_CATEGORIES,
  plural,
  titleCase,
  words,
  type ToolBenchCategory,
} from './vocabulary';

// ---------------------------------------------------------------------------------------------
// ToolBench

export type ToolBenchParamType = 'STRING' | 'NUMBER' | 'ENUM' | 'BOOLEAN';

export interface ToolBenchParameter {
  name: string;
  type: ToolBenchParamType;
  description: string;
  default: string | number | boolean;
}

export interface ToolBenchApi {
  name: string;
  url: string;
  description: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  required_parameters: ToolBenchParameter[];
  optional_parameters: ToolBenchParameter[];
}

export interface ToolBenchTool {
  product_id: string;
  tool_name: string;
  name: string;
  title: string;
  tool_description: string;
  home_url?: string;
  host: string;
  pricing: 'FREE' | 'FREEMIUM' | 'PAID';
  /** ToolBench keeps the category in the folder name; carried here so a flat folder keeps it. */
  category_name: ToolBenchCategory;
  api_list: ToolBenchApi[];
}

export interface GenerateToolBenchOptions {
  /** Total number of APIs over all tools (exact). */
  functions: number;
  seed: number;
}

const MIN_APIS = 3;
const MAX_APIS = 8;

/** Splits `total` into group sizes in [min, max] (a smaller single group only when total < min). */
function groupSizes(total: number, min: number, max: number, rng: Rng): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    // Never leave a remainder smaller than `min`.
    const n = left <= max ? left : rng.int(min, Math.min(max, left - min));
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
}

const TB_TYPE: Record<Field['kind'], ToolBenchParamType> = {
  string: 'STRING',
  integer: 'NUMBER',
  number: 'NUMBER',
  boolean: 'BOOLEAN',
  enum: 'ENUM',
  date: 'STRING',
  datetime: 'STRING',
  url: 'STRING',
  'string[]': 'STRING',
  list: 'STRING',
};

function toToolBenchParam(field: Field): ToolBenchParameter {
  let description = field.description;
  // ToolBench has no enum value lists; real tools spell the choices out in the description.
  if (field.kind === 'enum' && field.values) description += ` One of: ${field.values.join(', ')}.`;
  if (field.kind === 'string[]') description += ' Comma-separated.';
  return { name: field.name, type: TB_TYPE[field.kind], description, default: field.example ?? '' };
}

function toToolBenchApi(spec: ApiSpec, host: string): ToolBenchApi {
  return {
    name: spec.title,
    url: `https://${host}${spec.path}`,
    description: spec.description,
    method: spec.method,
    required_parameters: spec.required.map(toToolBenchParam),
    optional_parameters: spec.optional.map(toToolBenchParam),
  };
}

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function toolName(category: ToolBenchCategory, entity: string, rng: Rng): string {
  const topic = rng.pick(CATEGORY_WORDS[category]);
  const E = titleCase(entity);
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.pick(BRAND_PREFIXES)}${topic}`;
    case 1:
      return `${topic}${rng.pick(BRAND_SUFFIXES)}`;
    case 2:
      return `${rng.pick(BRAND_PREFIXES)} ${E} API`;
    case 3:
      return `${E} ${rng.pick(BRAND_SUFFIXES)}`;
    default:
      return `${rng.pick(BRAND_PREFIXES)} ${topic} ${rng.pick(BRAND_SUFFIXES)}`;
  }
}

function toolDescription(name: string, category: ToolBenchCategory, e: string, r: string, rng: Rng): string {
  const [esw, rsw, ew] = [words(plural(e)), words(plural(r)), words(e)];
  const area = words(category).toLowerCase();
  return rng.pick([
    `${name} gives you ${area} data through a simple REST API: search ${esw}, fetch ${ew} details and follow their ${rsw}.`,
    `Fast and reliable ${ew} API. Find ${esw}, look up their ${rsw} and keep your app in sync.`,
    `${name} lets developers manage ${esw} and the ${rsw} linked to them programmatically.`,
    `The ${area} API for ${esw}: real-time data, clean JSON and generous free quota.`,
  ]);
}

const slug = (s: string, sep: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(sep);

/** Entity for a ToolBench tool: mostly the category's plain nouns so tools share `<entity>_id`. */
function toolEntity(category: ToolBenchCategory, rng: Rng): string {
  const noun = rng.pick(CATEGORY_ENTITIES[category]);
  return rng.chance(0.25) ? `${rng.pick(ENTITY_MODIFIERS)}_${noun}` : noun;
}

/**
 * ToolBench tool files with exactly `functions` APIs in total, 3–8 per tool, spread over the
 * 49 ToolBench categories (round-robin over a seeded order, so all appear once there are ≥ 49 tools).
 */
export function generateToolBenchLibrary(options: GenerateToolBenchOptions): ToolBenchTool[] {
  assertCount('functions', options.functions, 0);
  const rng = new Rng(options.seed);
  const categories = rng.shuffle(TOOLBENCH_CATEGORIES);
  const usedNames = new Set<string>();
  return groupSizes(options.functions, MIN_APIS, MAX_APIS, rng).map((size, i) => {
    const category = categories[i % categories.length] as ToolBenchCategory;
    const e = toolEntity(category, rng);
    let r = toolEntity(category, rng);
    while (r === e) r = toolEntity(category, rng);

    let name = toolName(category, e, rng);
    // Tool names become file names and ToolBench keys: keep their slugs unique.
    for (let n = 2; usedNames.has(slug(name, '_')); n++) name = `${toolName(category, e, rng)}${n > 4 ? ` ${n}` : ''}`;
    usedNames.add(slug(name, '_'));

    const host = `${slug(name, '-')}.p.rapidapi.com`;
    return {
      product_id: `api_${uuid(rng)}`,
      tool_name: name,
      name,
      title: name,
      tool_description: toolDescription(name, category, e, r, rng),
      home_url: `https://rapidapi.com/${slug(rng.pick(BRAND_PREFIXES), '')}dev/api/${slug(name, '-')}/`,
      host,
      pricing: rng.pick(['FREE', 'FREEMIUM', 'FREEMIUM', 'PAID'] as const),
      category_name: category,
      api_list: pickTemplates(size, rng).map((t) => toToolBenchApi(buildApi(t, e, r, rng), host)),
    };
  });
}

/** File name of a tool in a tool folder: the snake_case tool name, as ToolBench names its files. */
export const toolFileName = (tool: ToolBenchTool): string => `${slug(tool.tool_name, '_')}.json`;

// ---------------------------------------------------------------------------------------------
// BFCL

export interface BfclFunction {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  response: Record<string, unknown>;
}

export interface BfclClass {
  /** snake_case class name, the file stem. */
  name: string;
  category: ToolBenchCategory;
  functions: BfclFunction[];
}

export interface GenerateBfclOptions {
  /** Total number of functions (exact). */
  functions: number;
  /** Number of classes (files); functions are split as evenly as possible. */
  classes: number;
  seed: number;
}

function jsonSchema(field: Field, withDefault: boolean): Record<string, unknown> {
  const s: Record<string, unknown> = (() => {
    switch (field.kind) {
      case 'string':
        return { type: 'string' };
      case 'integer':
      case 'number':
      case 'boolean':
        return { type: field.kind };
      case 'enum':
        return { type: 'string', enum: [...(field.values ?? [])] };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'datetime':
        return { type: 'string', format: 'date-time' };
      case 'url':
        return { type: 'string', format: 'uri' };
      case 'string[]':
        return { type: 'array', items: { type: 'string' } };
      case 'list':
        return { type: 'array', items: objectSchema(field.item ?? [], [], false) };
    }
  })();
  const out: Record<string, unknown> = { ...s, description: field.description };
  // A default only makes sense on optional inputs, and must be valid for the type.
  if (withDefault && field.example !== undefined && field.example !== '' && field.kind !== 'string[]')
    out.default = field.example;
  return out;
}

function objectSchema(fields: Field[], required: string[], defaults: boolean): Record<string, unknown> {
  // A template can name the same field twice; JSON Schema wants `required` without repeats.
  const unique = [...new Set(required)];
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, jsonSchema(f, defaults)])),
    ...(unique.length > 0 ? { required: unique } : {}),
  };
}

function toBfclFunction(spec: ApiSpec, name: string): BfclFunction {
  return {
    name,
    description: spec.description,
    parameters: {
      type: 'object',
      properties: Object.fromEntries([
        ...spec.required.map((f) => [f.name, jsonSchema(f, false)] as const),
        ...spec.optional.map((f) => [f.name, jsonSchema(f, true)] as const),
      ]),
      required: spec.required.map((f) => f.name),
    },
    response: objectSchema(
      spec.returns,
      spec.returns.map((f) => f.name),
      false,
    ),
  };
}

const categorySnake = (c: ToolBenchCategory) => c.toLowerCase();

/**
 * A BFCL-style library: `classes` classes of snake_case functions with `response` schemas.
 * Inside a class, entities are the category's nouns with modifiers (e.g. `regional_station`);
 * their functions return `<entity>_id` and `<related>_id` fields that other functions take,
 * so a signature graph built on it has real full and partial edges.
 */
export function generateBfclLibrary(options: GenerateBfclOptions): BfclClass[] {
  assertCount('classes', options.classes, 1);
  assertCount('functions', options.functions, options.classes);
  const rng = new Rng(options.seed);
  const categories = rng.shuffle(TOOLBENCH_CATEGORIES);
  const classNames = new Set<string>();
  const functionNames = new Set<string>();
  const base = Math.floor(options.functions / options.classes);
  const extra = options.functions % options.classes;

  return Array.from({ length: options.classes }, (_, i) => {
    const category = categories[i % categories.length] as ToolBenchCategory;
    let className = `${categorySnake(category)}_${rng.pick(CLASS_SUFFIXES)}`;
    for (let n = 2; classNames.has(className); n++)
      className = `${categorySnake(category)}_${rng.pick(CLASS_SUFFIXES)}${n > 4 ? `_${n}` : ''}`;
    classNames.add(className);

    const size = base + (i < extra ? 1 : 0);
    const nouns = CATEGORY_ENTITIES[category];
    // Plain nouns first (the class's core entities), then modified ones as the class grows.
    const pool = [
      ...rng.shuffle(nouns),
      ...rng.shuffle(ENTITY_MODIFIERS.flatMap((m) => nouns.map((n) => `${m}_${n}`))),
    ];
    const functions: BfclFunction[] = [];
    const entities: string[] = [];
    for (let k = 0; functions.length < size; k++) {
      // Past the pool (only for very large classes) entities get a generation suffix.
      const round = Math.floor(k / pool.length);
      const e = `${pool[k % pool.length]}${round > 0 ? `_g${round + 1}` : ''}`;
      entities.push(e);
      // Related entity: one seen earlier in the class when possible, so ids link groups together.
      const earlier = entities.filter((x) => x !== e);
      const r = earlier.length > 0 && rng.chance(0.7) ? rng.pick(earlier) : pickOther(pool, e, rng);
      const count = Math.min(size - functions.length, rng.int(4, 8));
      for (const t of pickTemplates(count, rng)) {
        const spec = buildApi(t, e, r, rng);
        // Names must be unique across the library (classes of one category share nouns) and
        // fit OpenAI's 64 characters, suffix included.
        const stem = spec.snakeName.slice(0, 58).replace(/_+$/, '');
        let name = stem;
        for (let n = 2; functionNames.has(name); n++) name = `${stem}_${n}`;
        functionNames.add(name);
        functions.push(toBfclFunction(spec, name));
      }
    }
    return { name: className, category, functions };
  });
}

function pickOther(pool: readonly string[], e: string, rng: Rng): string {
  const others = pool.filter((x) => x !== e);
  return others.length > 0 ? rng.pick(others) : `related_${e}`;
}

/** The library as BFCL func-doc files: `<class>.json`, one function per line. */
export function bfclLibraryFiles(classes: BfclClass[]): { name: string; text: string }[] {
  return classes.map((c) => ({
    name: `${c.name}.json`,
    text: c.functions
      .map((f) => JSON.stringify(f))
      .join('\n')
      .concat('\n'),
  }));
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: npx tsx bench/generate-library.ts --functions N --seed S (--out DIR | --single FILE)
         [--format toolbench|bfcl] [--classes C] [--clean]

  --format toolbench  (default) one ToolBench tool file per tool in DIR, or one JSON array in FILE
  --format bfcl       one <class>.json JSON-lines file per class in DIR, or all lines in FILE
  --classes C         number of BFCL classes (default 49)
  --clean             remove existing *.json files in DIR first (otherwise DIR must hold none)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function intArg(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) fail(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n)) fail(`--${name} must be an integer, got "${value}"`);
  return n;
}

function prepareDir(dir: string, clean: boolean): void {
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (existing.length === 0) return;
  // Stale files from an earlier run would silently change the library size.
  if (!clean) fail(`${dir} already holds ${existing.length} .json files; pass --clean or pick an empty folder`);
  for (const f of existing) rmSync(join(dir, f));
}

export function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      functions: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      single: { type: 'string' },
      format: { type: 'string', default: 'toolbench' },
      classes: { type: 'string' },
      clean: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const functions = intArg(values.functions, 'functions');
  const seed = intArg(values.seed, 'seed', 1);
  if ((values.out === undefined) === (values.single === undefined))
    fail('give exactly one of --out DIR or --single FILE');

  if (values.format === 'toolbench') {
    const tools = generateToolBenchLibrary({ functions, seed });
    if (values.single !== undefined) {
      mkdirSync(dirname(resolve(values.single)), { recursive: true });
      writeFileSync(values.single, `${JSON.stringify(tools, null, 2)}\n`);
    } else {
      const dir = values.out as string;
      prepareDir(dir, values.clean ?? false);
      for (const tool of tools) writeFileSync(join(dir, toolFileName(tool)), `${JSON.stringify(tool, null, 2)}\n`);
    }
    process.stderr.write(`wrote ${tools.length} tools, ${functions} APIs (seed ${seed})\n`);
  } else if (values.format === 'bfcl') {
    const classes = generateBfclLibrary({ functions, classes: intArg(values.classes, 'classes', 49), seed });
    const files = bfclLibraryFiles(classes);
    if (values.single !== undefined) {
      mkdirSync(dirname(resolve(values.single)), { recursive: true });
      writeFileSync(values.single, files.map((f) => f.text).join(''));
    } else {
      const dir = values.out as string;
      prepareDir(dir, values.clean ?? false);
      for (const f of files) writeFileSync(join(dir, f.name), f.text);
    }
    process.stderr.write(`wrote ${classes.length} classes, ${functions} functions (seed ${seed})\n`);
  } else {
    fail(`unknown --format "${values.format}"`);
  }
}

// Run as a script (npx tsx bench/generate-library.ts ...), not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
