import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import type { JsonSchema } from '../../../lib/magnet/functions/types';
import { DEMO_CLASSES, DEMO_DEPENDENCIES, DEMO_PROJECT, demoLibraryFiles } from '../../../lib/magnet/demo/library';

const all = Object.values(DEMO_CLASSES).flat();
const byName = new Map(all.map((f) => [f.name, f]));
const classOf = new Map(Object.entries(DEMO_CLASSES).flatMap(([c, fs]) => fs.map((f) => [f.name, c] as const)));

/** Every named property in a schema, at any depth (object properties and array items). */
function namedProperties(schema: JsonSchema): Map<string, JsonSchema[]> {
  const found = new Map<string, JsonSchema[]>();
  const walk = (s: JsonSchema) => {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, sub] of Object.entries(props)) {
      found.set(name, [...(found.get(name) ?? []), sub]);
      walk(sub);
    }
    if (s.items && typeof s.items === 'object') walk(s.items as JsonSchema);
  };
  walk(schema);
  return found;
}

/** Every sub-schema, to check each has a type and a description. */
function subSchemas(schema: JsonSchema, path = ''): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    out.push([`${path}/${name}`, sub], ...subSchemas(sub, `${path}/${name}`));
  }
  if (schema.items && typeof schema.items === 'object') {
    out.push([`${path}[]`, schema.items as JsonSchema], ...subSchemas(schema.items as JsonSchema, `${path}[]`));
  }
  return out;
}

describe('demo library', () => {
  it('has a project name and description', () => {
    expect(DEMO_PROJECT.name).toBe('Demo: travel, shop, bank & support');
    expect(DEMO_PROJECT.description.length).toBeGreaterThan(40);
  });

  it('has enough functions in enough snake_case classes of 8 to 12', () => {
    expect(all.length).toBeGreaterThanOrEqual(44);
    expect(Object.keys(DEMO_CLASSES).length).toBeGreaterThanOrEqual(5);
    for (const [className, functions] of Object.entries(DEMO_CLASSES)) {
      expect(className).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(functions.length, className).toBeGreaterThanOrEqual(8);
      expect(functions.length, className).toBeLessThanOrEqual(12);
    }
  });

  it('has unique, valid OpenAI function names in snake_case', () => {
    expect(byName.size).toBe(all.length);
    for (const f of all) {
      expect(f.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(f.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    }
  });

  it('documents every function, parameter and response field', () => {
    for (const f of all) {
      expect(f.description.length, f.name).toBeGreaterThan(20);
      expect(f.description.length, f.name).toBeLessThan(300);
      expect(f.parameters.type).toBe('object');
      expect(f.response.type).toBe('object');
      expect(Object.keys(f.response.properties as object).length, f.name).toBeGreaterThan(0);
      const props = Object.keys(f.parameters.properties as object);
      for (const r of f.parameters.required as string[]) expect(props, `${f.name} requires ${r}`).toContain(r);
      for (const [path, sub] of [...subSchemas(f.parameters), ...subSchemas(f.response)]) {
        expect(typeof sub.type, `${f.name}${path} type`).toBe('string');
        // Array items may inherit the array's description; every named field needs its own.
        if (!path.endsWith('[]')) expect(typeof sub.description, `${f.name}${path} description`).toBe('string');
      }
    }
  });

  it('compiles every parameters and response schema with Ajv 2020 in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const f of all) {
      expect(() => ajv.compile(f.parameters), `${f.name} parameters`).not.toThrow();
      expect(() => ajv.compile(f.response), `${f.name} response`).not.toThrow();
    }
  });

  it('has at least 60 dependencies, each naming a real output field and a real input parameter', () => {
    expect(DEMO_DEPENDENCIES.length).toBeGreaterThanOrEqual(60);
    const keys = new Set<string>();
    for (const dep of DEMO_DEPENDENCIES) {
      const label = `${dep.from}.${dep.field} → ${dep.to}.${dep.param}`;
      expect(keys.has(label), `duplicate ${label}`).toBe(false);
      keys.add(label);
      expect(dep.from).not.toBe(dep.to);
      const from = byName.get(dep.from);
      const to = byName.get(dep.to);
      expect(from, `${label}: unknown from`).toBeDefined();
      expect(to, `${label}: unknown to`).toBeDefined();
      expect(namedProperties(from!.response).has(dep.field), `${label}: no field`).toBe(true);
      expect(namedProperties(to!.parameters).has(dep.param), `${label}: no param`).toBe(true);
    }
  });

  it('links values of compatible types', () => {
    for (const dep of DEMO_DEPENDENCIES) {
      const label = `${dep.from}.${dep.field} → ${dep.to}.${dep.param}`;
      const field = namedProperties(byName.get(dep.from)!.response).get(dep.field)![0]!;
      const param = namedProperties(byName.get(dep.to)!.parameters).get(dep.param)![0]!;
      const same = field.type === param.type;
      // partial: one id into an array of ids, or a value embedded in a text/date.
      const intoArray = param.type === 'array' && (param.items as JsonSchema).type === field.type;
      const embedded = dep.kind === 'partial' && param.type === 'string';
      expect(same || intoArray || embedded, label).toBe(true);
      if (intoArray || (embedded && !same)) expect(dep.kind, label).toBe('partial');
    }
  });

  it('gives every class an outgoing dependency and links classes to each other', () => {
    for (const [className, functions] of Object.entries(DEMO_CLASSES)) {
      const names = new Set(functions.map((f) => f.name));
      expect(
        DEMO_DEPENDENCIES.some((d) => names.has(d.from)),
        className,
      ).toBe(true);
    }
    const cross = DEMO_DEPENDENCIES.filter((d) => classOf.get(d.from) !== classOf.get(d.to));
    expect(cross.length).toBeGreaterThanOrEqual(10);
    expect(DEMO_DEPENDENCIES.filter((d) => d.kind === 'prerequisite').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_DEPENDENCIES.filter((d) => d.kind === 'partial').length).toBeGreaterThanOrEqual(3);
  });

  it('puts every function on at least one dependency', () => {
    const linked = new Set(DEMO_DEPENDENCIES.flatMap((d) => [d.from, d.to]));
    expect(all.filter((f) => !linked.has(f.name))).toEqual([]);
  });

  it('writes one BFCL JSON-lines file per class that round-trips', () => {
    const files = demoLibraryFiles();
    expect(files.map((f) => f.name).sort()).toEqual(
      Object.keys(DEMO_CLASSES)
        .map((c) => `${c}.json`)
        .sort(),
    );
    for (const file of files) {
      const className = file.name.replace(/\.json$/, '');
      const lines = file.text.split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBe(DEMO_CLASSES[className]!.length);
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      for (const item of parsed) expect(Object.keys(item)).toEqual(['name', 'description', 'parameters', 'response']);
      expect(parsed).toEqual(DEMO_CLASSES[className]);
      // Standard JSON Schema types only, not BFCL's dict/float/tuple/any.
      expect(file.text).not.toMatch(/"type":"(dict|float|tuple|any)"/);
    }
  });
});
