// The random walk: only usable edges, no immediate repeat, revisits only when forced, and an
// early stop at a dead end with a reason.
import { describe, expect, it } from 'vitest';

import { samplePaths, type SamplePath } from '../../../lib/magnet/paths';
import { graphOf, ids } from './helpers';

const walkOnly = { merge: 0, insert: 0, split: 0 };
const walked = (p: SamplePath) => ids(p.turns).map((t) => t[0].replace('api/', ''));

describe('random walk', () => {
  // a → b → c → d → a (a cycle), c → e; b → x proposed, c → y rejected; s is a sink.
  const graph = graphOf(
    ['a', 'b', 'c', 'd', 'e', 's', 'x', 'y'],
    ['a>b', 'b>c', 'c>d', 'd>a', 'c>e', 'b>x?', 'c>y!', 'a>a', 'e>s'],
  );
  const edges = (includeProposed: boolean) =>
    new Set(
      graph.edges
        .filter((e) => e.status === 'accepted' || (includeProposed && e.status === 'proposed'))
        .map((e) => `${e.fromId.slice(4)}>${e.toId.slice(4)}`),
    );

  it('follows accepted edges only, one function per turn', () => {
    const accepted = edges(false);
    for (const p of samplePaths(graph, { ...walkOnly, count: 300, seed: 'w' })) {
      const names = walked(p);
      expect(p.turns.every((t) => t.kind === 'normal' && t.calls.length === 1)).toBe(true);
      for (let i = 1; i < names.length; i++) expect(accepted.has(`${names[i - 1]}>${names[i]}`)).toBe(true);
      expect(names).not.toContain('x');
      expect(names).not.toContain('y');
    }
  });

  it('walks proposed edges when the recipe says so, never rejected ones', () => {
    const usable = edges(true);
    const all = samplePaths(graph, { ...walkOnly, count: 300, seed: 'w', includeProposed: true });
    expect(all.some((p) => walked(p).includes('x'))).toBe(true);
    for (const p of all) {
      const names = walked(p);
      for (let i = 1; i < names.length; i++) expect(usable.has(`${names[i - 1]}>${names[i]}`)).toBe(true);
      expect(names).not.toContain('y');
    }
  });

  it('starts only where there is a way out, unless start nodes are given', () => {
    const starts = new Set(samplePaths(graph, { ...walkOnly, count: 300, seed: 'w' }).map((p) => walked(p)[0]));
    expect([...starts].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const fromC = samplePaths(graph, { ...walkOnly, count: 50, seed: 'w', startNodes: ['api/c'] });
    expect(new Set(fromC.map((p) => walked(p)[0]))).toEqual(new Set(['c']));
    expect(() => samplePaths(graph, { ...walkOnly, startNodes: ['api/nope'] })).toThrow(/unknown start node/);
  });

  it('stops at a dead end and says where, after how many steps', () => {
    const stopped = samplePaths(graph, { ...walkOnly, count: 300, seed: 'w' }).filter((p) => p.stopReason);
    expect(stopped.length).toBeGreaterThan(0);
    for (const p of stopped) {
      const names = walked(p);
      expect(names.length).toBeLessThan(7);
      expect(names[names.length - 1]).toBe('s');
      expect(p.stopReason).toBe(`dead end at s after ${names.length} steps`);
      expect(p.history[0].params.stopReason).toBe(p.stopReason);
    }
    const [sink] = samplePaths(graph, { ...walkOnly, count: 1, startNodes: ['api/s'] });
    expect(sink.stopReason).toBe('dead end at s after 1 step');
    expect(walked(sink)).toEqual(['s']);
  });

  it('walks all the steps when it can, without a stop reason', () => {
    const full = samplePaths(graph, { ...walkOnly, count: 300, seed: 'w' }).filter((p) => !p.stopReason);
    expect(full.length).toBeGreaterThan(0);
    for (const p of full) expect(p.turns).toHaveLength(7);
  });

  it('never repeats a function at once, and revisits one only when every neighbour is in the path', () => {
    const next = new Map<string, string[]>();
    for (const e of edges(false)) {
      const [from, to] = e.split('>');
      if (from !== to) next.set(from, [...(next.get(from) ?? []), to]);
    }
    for (const p of samplePaths(graph, { ...walkOnly, count: 300, seed: 'w', steps: 12 })) {
      const names = walked(p);
      for (let i = 1; i < names.length; i++) {
        expect(names[i]).not.toBe(names[i - 1]);
        const before = new Set(names.slice(0, i));
        const fresh = (next.get(names[i - 1]) ?? []).filter((n) => !before.has(n));
        if (fresh.length > 0) expect(before.has(names[i])).toBe(false);
      }
    }
  });

  it('revisits in a cycle when nothing else is left', () => {
    const ring = graphOf(['p', 'q'], ['p>q', 'q>p']);
    const [p] = samplePaths(ring, { ...walkOnly, count: 1, steps: 5, startNodes: ['api/p'] });
    expect(walked(p)).toEqual(['p', 'q', 'p', 'q', 'p']);
    expect(p.stopReason).toBeNull();
  });

  it('walks a graph without edges as one-turn paths, and refuses an empty graph', () => {
    const lonely = graphOf(['only'], []);
    const [p] = samplePaths(lonely, { count: 1 });
    expect(walked(p)).toEqual(['only']);
    expect(p.stopReason).toBe('dead end at only after 1 step');
    expect(() => samplePaths({ functions: [], edges: [] }, {})).toThrow(/no functions/);
  });
});
