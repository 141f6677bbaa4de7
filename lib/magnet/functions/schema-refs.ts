// `$ref` analysis, done before Ajv sees a schema: Ajv overflows the stack compiling a `$ref`
// loop, and recursion has to be reported anyway because argument synthesis must bound it.
//
// Each schema object is a node. Edges: to subschemas evaluated on the same instance (allOf,
// anyOf, oneOf, not, if/then/else, dependentSchemas) and to the target of its `$ref`
// ("same"), and to subschemas evaluated on a child instance (properties, items, ...:
// "descend"). A cycle of same-instance edges never reaches a constraint that ends it:
// 'ref_cycle' error. Any other cycle goes through a child instance, which is legal
// recursion: 'recursive_schema' warning.
import { makeSchemaIssue } from './issues';
import { isRecord, pointer, resolvePointer } from './json';
import { subschemas } from './schema-walk';
import type { SchemaIssue } from './types';

interface Edge {
  to: string;
  same: boolean;
}

interface RefSite {
  from: string;
  ref: string;
  /** Pointer of the nearest enclosing schema resource (`$id`); '#' fragments resolve against it. */
  resource: string;
}

/** Call only on values that passed `checkJsonLimits`. */
export function checkRefs(root: unknown, base: string): SchemaIssue[] {
  const edges = new Map<string, Edge[]>();
  const anchors = new Map<string, string>();
  const refs: RefSite[] = [];
  let hasIds = false;

  const visit = (node: unknown, ptr: string, resource: string): void => {
    if (!isRecord(node)) return;
    const out: Edge[] = [];
    edges.set(ptr, out);
    if (typeof node.$id === 'string') {
      hasIds = true;
      resource = ptr;
    }
    if (typeof node.$anchor === 'string') anchors.set(`${resource}#${node.$anchor}`, ptr);
    if (typeof node.$ref === 'string') refs.push({ from: ptr, ref: node.$ref, resource });
    for (const sub of subschemas(node)) {
      const child = pointer(ptr, ...sub.tokens);
      if (sub.relation !== 'definition') out.push({ to: child, same: sub.relation === 'same' });
      visit(sub.schema, child, resource);
    }
  };
  visit(root, '', '');

  const issues: SchemaIssue[] = [];
  for (const site of refs) {
    const target = resolveRef(root, site, anchors);
    if (target === 'unresolved') {
      issues.push(
        makeSchemaIssue(
          'unresolved_ref',
          pointer(base + site.from, '$ref'),
          `$ref "${site.ref}" does not resolve to anything in this schema.`,
        ),
      );
    } else if (target === 'external') {
      // With `$id`s present the reference may name an embedded resource: Ajv resolves those.
      if (!hasIds) {
        issues.push(
          makeSchemaIssue(
            'unresolved_ref',
            pointer(base + site.from, '$ref'),
            `$ref "${site.ref}" points outside this schema; external schemas are not fetched, put the definition under $defs.`,
          ),
        );
      }
    } else if (edges.has(target)) {
      edges.get(site.from)!.push({ to: target, same: true });
    }
  }

  const sameOnly = new Map([...edges].map(([node, out]) => [node, out.filter((e) => e.same).map((e) => e.to)]));
  const loops = findCycles(sameOnly);
  for (const cycle of loops) {
    const shown = [...cycle, cycle[0]].map((p) => `#${p}`).join(' → ');
    issues.push(
      makeSchemaIssue(
        'ref_cycle',
        base + cycle[0],
        `$ref cycle ${shown}: it loops back to itself without descending into a property or item, so no value can ever be validated against it.`,
      ),
    );
  }
  if (loops.length === 0) {
    const all = new Map([...edges].map(([node, out]) => [node, out.map((e) => e.to)]));
    for (const cycle of findCycles(all)) {
      issues.push(
        makeSchemaIssue(
          'recursive_schema',
          base + cycle.at(-1)!,
          `Recursive schema: #${cycle.at(-1)} leads back to #${cycle[0]}. It is valid, but generated arguments are cut off at a fixed depth.`,
        ),
      );
    }
  }
  return issues;
}

/** The pointer a `$ref` names, 'unresolved' if it names nothing, 'external' if it leaves the document. */
function resolveRef(root: unknown, site: RefSite, anchors: Map<string, string>): string | 'unresolved' | 'external' {
  if (!site.ref.startsWith('#')) return 'external';
  let fragment: string;
  try {
    fragment = decodeURIComponent(site.ref.slice(1));
  } catch {
    return 'unresolved';
  }
  if (fragment === '' || fragment.startsWith('/')) {
    const target = site.resource + fragment;
    return resolvePointer(root, target) === undefined ? 'unresolved' : target;
  }
  return anchors.get(`${site.resource}#${fragment}`) ?? 'unresolved';
}

/**
 * One cycle per back edge found by an iterative depth-first search (ref chains can be far
 * longer than the nesting depth, so no recursion here). Each cycle lists its nodes in order.
 */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const stack = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const out = graph.get(top.node) ?? [];
      if (top.next < out.length) {
        const to = out[top.next++];
        if (state.get(to) === 'open') {
          cycles.push(stack.slice(stack.findIndex((f) => f.node === to)).map((f) => f.node));
        } else if (!state.has(to)) {
          state.set(to, 'open');
          stack.push({ node: to, next: 0 });
        }
      } else {
        state.set(top.node, 'done');
        stack.pop();
      }
    }
  }
  return cycles;
}
