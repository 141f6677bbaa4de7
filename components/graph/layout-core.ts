// Layout pieces shared by the layout worker (ELK) and the main thread (the fallback).
// Pure: no DOM, no React, no ELK. Every position here is relative to a group's content box.

/** Size of a function node on the canvas. */
export const NODE_W = 220;
export const NODE_H = 40;
const GAP_X = 16;
const GAP_Y = 12;
const LAYER_GAP = 120;
/** The fallback wraps a layer into several columns past this many rows (more for big groups, see `fallbackRows`). */
const MAX_ROWS = 24;

/**
 * Rows per column in the fallback: 24, or for big groups enough to make the block about 1.6 times as wide
 * as it is tall. With a fixed 24 rows a class of 5,000 functions was a strip 75,000 px wide and 1,400 px tall:
 * nothing to navigate, and edges tens of thousands of pixels long that the browser strokes in full.
 */
export function fallbackRows(connected: number): number {
  const pitchX = NODE_W + LAYER_GAP;
  const pitchY = NODE_H + GAP_Y;
  return Math.max(MAX_ROWS, Math.ceil(Math.sqrt((connected * pitchX) / (1.6 * pitchY))));
}

export interface XY {
  x: number;
  y: number;
}

/** One group's shape: what the layout depends on (never statuses, so accepting an edge does not move anything). */
export interface LayoutGroupInput {
  /** A hash of the member ids and the edge pairs inside the group. */
  key: string;
  /** Member ids, in a stable order (by name). */
  nodeIds: string[];
  /** Directed pairs of members, deduplicated. */
  edges: Array<[string, string]>;
}

export interface GroupLayout {
  key: string;
  /** Size of the content box. */
  width: number;
  height: number;
  /** Top-left corner of every member inside the content box. */
  positions: Record<string, XY>;
  source: 'elk' | 'fallback';
}

export type LayoutRequest = { type: 'layout'; jobId: number; groups: LayoutGroupInput[] };

export type LayoutResponse =
  | { type: 'group'; jobId: number; layout: GroupLayout }
  | { type: 'group-error'; jobId: number; key: string; message: string }
  | { type: 'done'; jobId: number };

/** Members that have at least one edge inside the group, and those that have none. */
export function splitIsolated(input: LayoutGroupInput): { connected: string[]; isolated: string[] } {
  const linked = new Set<string>();
  for (const [s, t] of input.edges) {
    linked.add(s);
    linked.add(t);
  }
  const connected: string[] = [];
  const isolated: string[] = [];
  for (const id of input.nodeIds) (linked.has(id) ? connected : isolated).push(id);
  return { connected, isolated };
}

/**
 * Puts the isolated members in a grid under a block of connected ones (whose positions and size are given)
 * and returns the whole group layout.
 */
export function withIsolatedGrid(
  key: string,
  source: GroupLayout['source'],
  block: { positions: Record<string, XY>; width: number; height: number },
  isolated: string[],
): GroupLayout {
  const positions: Record<string, XY> = { ...block.positions };
  let width = block.width;
  let height = block.height;
  if (isolated.length > 0) {
    const fitBlock = Math.floor((block.width + GAP_X) / (NODE_W + GAP_X));
    // Aim for a region about 1.6 times as wide as it is tall; nodes are far wider than tall.
    const balanced = Math.max(1, Math.round(Math.sqrt(isolated.length * 0.37)));
    const cols = Math.min(isolated.length, Math.max(1, fitBlock, balanced));
    const top = block.height > 0 ? block.height + 32 : 0;
    isolated.forEach((id, i) => {
      positions[id] = { x: (i % cols) * (NODE_W + GAP_X), y: top + Math.floor(i / cols) * (NODE_H + GAP_Y) };
    });
    const rows = Math.ceil(isolated.length / cols);
    width = Math.max(width, cols * (NODE_W + GAP_X) - GAP_X);
    height = top + rows * (NODE_H + GAP_Y) - GAP_Y;
  }
  return { key, width: Math.max(width, NODE_W), height: Math.max(height, NODE_H), positions, source };
}

/**
 * The deterministic layout used when the worker is unavailable, slow or failing: members with edges in
 * columns by longest path from a source (cycles broken by name order), isolated members in a grid below.
 * O(nodes + edges).
 */
export function fallbackGroupLayout(input: LayoutGroupInput): GroupLayout {
  const { connected, isolated } = splitIsolated(input);
  const order = new Map(connected.map((id, i) => [id, i]));
  const succ = new Map<string, string[]>();
  const preds = new Map<string, string[]>();
  const indeg = new Map<string, number>();
  for (const id of connected) {
    succ.set(id, []);
    preds.set(id, []);
    indeg.set(id, 0);
  }
  for (const [s, t] of input.edges) {
    if (s === t || !order.has(s) || !order.has(t)) continue;
    succ.get(s)!.push(t);
    preds.get(t)!.push(s);
    indeg.set(t, indeg.get(t)! + 1);
  }
  const layer = new Map<string, number>();
  const queue: string[] = connected.filter((id) => indeg.get(id) === 0);
  let head = 0;
  let nextUnplaced = 0;
  while (layer.size < connected.length) {
    let id: string | undefined;
    while (head < queue.length && layer.has(queue[head]!)) head++;
    if (head < queue.length) id = queue[head++];
    else {
      // A cycle: place the first member (by name) not placed yet.
      while (layer.has(connected[nextUnplaced]!)) nextUnplaced++;
      id = connected[nextUnplaced];
    }
    if (id === undefined) break;
    let l = 0;
    for (const p of preds.get(id)!) {
      const pl = layer.get(p);
      if (pl !== undefined && pl + 1 > l) l = pl + 1;
    }
    layer.set(id, l);
    for (const t of succ.get(id)!) {
      const d = indeg.get(t)! - 1;
      indeg.set(t, d);
      if (d === 0 && !layer.has(t)) queue.push(t);
    }
  }
  const byLayer = new Map<number, string[]>();
  for (const id of connected) {
    const l = layer.get(id) ?? 0;
    if (!byLayer.has(l)) byLayer.set(l, []);
    byLayer.get(l)!.push(id);
  }
  const positions: Record<string, XY> = {};
  const rows = fallbackRows(connected.length);
  let col = 0;
  let maxRows = 0;
  for (const l of [...byLayer.keys()].sort((a, b) => a - b)) {
    const ids = byLayer.get(l)!;
    for (let start = 0; start < ids.length; start += rows) {
      const chunk = ids.slice(start, start + rows);
      chunk.forEach((id, row) => {
        positions[id] = { x: col * (NODE_W + LAYER_GAP), y: row * (NODE_H + GAP_Y) };
      });
      maxRows = Math.max(maxRows, chunk.length);
      col++;
    }
  }
  const block = {
    positions,
    width: col > 0 ? col * (NODE_W + LAYER_GAP) - LAYER_GAP : 0,
    height: maxRows > 0 ? maxRows * (NODE_H + GAP_Y) - GAP_Y : 0,
  };
  return withIsolatedGrid(input.key, 'fallback', block, isolated);
}

/** FNV-1a over strings, two seeds: a short, stable key for a group's shape. */
export function shapeKey(nodeIds: string[], edges: Array<[string, string]>): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619);
      b = Math.imul(b ^ c, 2246822519);
    }
    a = Math.imul(a ^ 0x1f, 16777619);
    b = Math.imul(b ^ 0x1f, 2246822519);
  };
  for (const id of nodeIds) feed(id);
  feed('|');
  for (const [s, t] of edges) {
    feed(s);
    feed(t);
  }
  return `${nodeIds.length}.${edges.length}.${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
