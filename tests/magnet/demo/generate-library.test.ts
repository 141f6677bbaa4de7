import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import {
  bfclLibraryFiles,
  generateBfclLibrary,
  generateToolBenchLibrary,
  toolFileName,
  type BfclFunction,
} from '../../../bench/generate-library';
import { TOOLBENCH_CATEGORIES } from '../../../bench/vocabulary';

const apiCount = (tools: ReturnType<typeof generateToolBenchLibrary>) =>
  tools.reduce((n, t) => n + t.api_list.length, 0);

/** Property names of a schema at any depth. */
function names(schema: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const o = s as { properties?: Record<string, unknown>; items?: unknown };
    for (const [k, v] of Object.entries(o.properties ?? {})) {
      out.add(k);
      walk(v);
    }
    walk(o.items);
  };
  walk(schema);
  return out;
}

/** Id-like edges inside a class: A returns `x_id` and B (≠ A) takes `x_id` (or `x_ids`). */
function idEdges(functions: BfclFunction[]): [string, string][] {
  const takers = new Map<string, string[]>();
  for (const f of functions) {
    for (const p of names(f.parameters)) {
      const key = p.endsWith('_ids') ? p.slice(0, -1) : p;
      if (key.endsWith('_id')) takers.set(key, [...(takers.get(key) ?? []), f.name]);
    }
  }
  const edges: [string, string][] = [];
  for (const f of functions) {
    for (const field of names(f.response)) {
      for (const to of takers.get(field) ?? []) if (to !== f.name) edges.push([f.name, to]);
    }
  }
  return edges;
}

describe('generateToolBenchLibrary', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const a = JSON.stringify(generateToolBenchLibrary({ functions: 500, seed: 7 }));
    expect(JSON.stringify(generateToolBenchLibrary({ functions: 500, seed: 7 }))).toBe(a);
    expect(JSON.stringify(generateToolBenchLibrary({ functions: 500, seed: 8 }))).not.toBe(a);
  });

  it.each([0, 1, 3, 8, 9, 11, 100, 1234])('produces exactly %i APIs', (functions) => {
    expect(apiCount(generateToolBenchLibrary({ functions, seed: 1 }))).toBe(functions);
  });

  it('builds ToolBench-scale libraries: 16,000 APIs, 3–8 per tool, all 49 categories', () => {
    const tools = generateToolBenchLibrary({ functions: 16000, seed: 1 });
    expect(apiCount(tools)).toBe(16000);
    expect(TOOLBENCH_CATEGORIES.length).toBe(49);
    expect(new Set(tools.map((t) => t.category_name))).toEqual(new Set(TOOLBENCH_CATEGORIES));
    for (const tool of tools) {
      expect(tool.api_list.length).toBeGreaterThanOrEqual(3);
      expect(tool.api_list.length).toBeLessThanOrEqual(8);
      expect(tool.tool_name.length).toBeGreaterThan(0);
      expect(tool.tool_description.length).toBeGreaterThan(20);
      expect(new Set(tool.api_list.map((a) => a.name)).size).toBe(tool.api_list.length);
      for (const api of tool.api_list) {
        expect(api.url.startsWith(`https://${tool.host}/`)).toBe(true);
        for (const p of [...api.required_parameters, ...api.optional_parameters]) {
          expect(['STRING', 'NUMBER', 'ENUM', 'BOOLEAN']).toContain(p.type);
          expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
        }
      }
    }
    expect(new Set(tools.map((t) => t.tool_name)).size).toBe(tools.length);
    expect(new Set(tools.map(toolFileName)).size).toBe(tools.length);
  });

  it('shares id-like parameter names between tools, so dependencies exist', () => {
    const tools = generateToolBenchLibrary({ functions: 2000, seed: 3 });
    const toolsByParam = new Map<string, Set<string>>();
    for (const t of tools) {
      for (const api of t.api_list) {
        for (const p of api.required_parameters) {
          if (p.name.endsWith('_id'))
            toolsByParam.set(p.name, (toolsByParam.get(p.name) ?? new Set()).add(t.tool_name));
        }
      }
    }
    const shared = [...toolsByParam.values()].filter((s) => s.size >= 2);
    expect(shared.length).toBeGreaterThan(20);
    // Inside a tool, a producer (no id needed) comes with a consumer of its id.
    for (const t of tools) {
      expect(t.api_list[0]!.required_parameters.some((p) => p.name.endsWith('_id'))).toBe(false);
      expect(t.api_list[1]!.required_parameters.some((p) => p.name.endsWith('_id'))).toBe(true);
    }
  });
});

describe('generateBfclLibrary', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const a = JSON.stringify(generateBfclLibrary({ functions: 300, classes: 5, seed: 1 }));
    expect(JSON.stringify(generateBfclLibrary({ functions: 300, classes: 5, seed: 1 }))).toBe(a);
    expect(JSON.stringify(generateBfclLibrary({ functions: 300, classes: 5, seed: 2 }))).not.toBe(a);
  });

  it('rejects impossible sizes', () => {
    expect(() => generateBfclLibrary({ functions: 3, classes: 5, seed: 1 })).toThrow();
    expect(() => generateBfclLibrary({ functions: 10, classes: 0, seed: 1 })).toThrow();
  });

  it('builds the 5,011-function, 49-class graph library with unique valid names and schemas', () => {
    const classes = generateBfclLibrary({ functions: 5011, classes: 49, seed: 1 });
    expect(classes.length).toBe(49);
    const sizes = classes.map((c) => c.functions.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5011);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(new Set(classes.map((c) => c.name)).size).toBe(49);
    for (const c of classes) expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);

    const all = classes.flatMap((c) => c.functions);
    expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
    for (const f of all) expect(f.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);

    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    // Every schema compiles; checking a sample of classes in full keeps the test quick.
    for (const f of classes.slice(0, 5).flatMap((c) => c.functions)) {
      expect(() => ajv.compile(f.parameters), f.name).not.toThrow();
      expect(() => ajv.compile(f.response), f.name).not.toThrow();
    }
  });

  it('has real output→input edges through id fields in every class', () => {
    const classes = generateBfclLibrary({ functions: 5011, classes: 49, seed: 1 });
    let onEdge = 0;
    let total = 0;
    for (const c of classes) {
      const edges = idEdges(c.functions);
      expect(edges.length, c.name).toBeGreaterThan(c.functions.length);
      const linked = new Set(edges.flat());
      onEdge += c.functions.filter((f) => linked.has(f.name)).length;
      total += c.functions.length;
    }
    // Export templates can be the only loose ends; nearly every function sits on an edge.
    expect(onEdge / total).toBeGreaterThan(0.9);
  });

  it('writes one JSON-lines file per class whose lines parse', () => {
    const classes = generateBfclLibrary({ functions: 60, classes: 3, seed: 5 });
    const files = bfclLibraryFiles(classes);
    expect(files.map((f) => f.name)).toEqual(classes.map((c) => `${c.name}.json`));
    for (const [i, file] of files.entries()) {
      const lines = file.text.trim().split('\n');
      expect(lines.length).toBe(classes[i]!.functions.length);
      for (const line of lines)
        expect(Object.keys(JSON.parse(line) as object)).toEqual(['name', 'description', 'parameters', 'response']);
    }
  });
});
