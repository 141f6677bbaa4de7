'use client';

// What React Flow gets when the graph is large: the nodes and edges on or near the screen, not all of them.
//
// Edges. `onlyRenderVisibleElements` keeps an edge whose bounding box touches the view, and at a readable
// zoom in a class of thousands of functions hundreds of edges cross the screen from one far-away function
// to another. The browser strokes (and dashes) each along its whole length, tens of thousands of pixels, on
// every frame of a pan: frames took seconds. So in a large graph (the editor says which: over 300 functions)
// only edges whose two ends are near the view are drawn, the shortest first up to a budget, plus the edges of
// the function (or edge) in focus.
//
// Nodes. React Flow does work proportional to all the nodes it holds whenever one of them changes: every
// frame of a drag re-adopts the whole list, and a layout change re-parents every child. With thousands of
// functions expanded that is most of a frame. So past CULL_MIN_NODES it holds the classes, the functions near
// the view, and the ends of the drawn edges; the editor keeps the rest (and where the user dragged them).
//
// "Near the view" is the view grown by half its size on every side, recomputed when the view leaves it (every
// half screen of panning, not every frame) or the zoom goes in far enough to make it four times too wide.
import { useStoreApi, type ReactFlowState, type XYPosition } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowEdge, FlowNode } from './model';

/** In a large graph, below this many nodes (classes and expanded functions) every node is given to React Flow. */
export const CULL_MIN_NODES = 800;
/**
 * At most this many edges between ends near the view… (zoomed out to 0.45 on a class of 5,000 functions, 500
 * of them qualify; 400 keep a pan under 33 ms a frame there, and at a readable zoom there are far fewer).
 */
export const NEAR_EDGE_BUDGET = 400;
/** …plus at most this many edges of the function (or edge) in focus. */
export const FOCUS_EDGE_BUDGET = 200;
/** The tracked window is the view grown by this fraction of its size on every side. */
const MARGIN = 0.5;
/** Nodes moved (a drag): edges are re-culled once they have been still this long. */
const SETTLE_MS = 100;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CullStats {
  /** Edges given to React Flow. */
  drawn: number;
  /** Edges the editor derived (passing the filters, folded into classes). */
  total: number;
  /** Edges of the focus, and how many of them are drawn. */
  focus: number;
  focusDrawn: number;
  /** Edges with both ends near the view that the budget left out. */
  overBudget: number;
}

export interface CulledEdges {
  edges: FlowEdge[];
  stats: CullStats;
}

/**
 * The edges by source, and those of the focus: built once per set of edges, so that a cull visits only the
 * edges out of the functions near the view, not all of them.
 */
export interface EdgeIndex {
  bySource: Map<string, FlowEdge[]>;
  focus: FlowEdge[];
  total: number;
}

const inFocus = (e: FlowEdge) => !!e.selected || e.data?.emphasis === 'focus';

export function indexEdges(edges: readonly FlowEdge[]): EdgeIndex {
  const bySource = new Map<string, FlowEdge[]>();
  const focus: FlowEdge[] = [];
  for (const e of edges) {
    if (inFocus(e)) {
      focus.push(e);
      continue;
    }
    let list = bySource.get(e.source);
    if (!list) bySource.set(e.source, (list = []));
    list.push(e);
  }
  return { bySource, focus, total: edges.length };
}

const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const distance = (a: Rect, b: Rect) =>
  Math.hypot(b.x + b.width / 2 - (a.x + a.width / 2), b.y + b.height / 2 - (a.y + a.height / 2));

/**
 * The edges to draw: the focus's first (the selected edge, then those with an end near the view, then the
 * shortest), then edges whose two ends are near the view (the shortest first; a folded edge counts as short as
 * it is heavy). Visits the nodes once and only the edges out of those near the view.
 */
export function cullEdges(
  index: EdgeIndex,
  boxes: ReadonlyMap<string, Rect>,
  win: Rect,
  budgets: { near: number; focus: number } = { near: NEAR_EDGE_BUDGET, focus: FOCUS_EDGE_BUDGET },
): CulledEdges {
  const inWin = new Set<string>();
  for (const [id, box] of boxes) if (intersects(box, win)) inWin.add(id);

  const focus: Array<{ e: FlowEdge; score: number }> = [];
  for (const e of index.focus) {
    const a = boxes.get(e.source);
    const b = boxes.get(e.target);
    if (!a || !b) continue;
    const near = inWin.has(e.source) || inWin.has(e.target);
    focus.push({ e, score: e.selected ? -1 : (near ? 0 : 1e9) + distance(a, b) });
  }
  const near: Array<{ e: FlowEdge; score: number }> = [];
  for (const id of inWin) {
    const out = index.bySource.get(id);
    if (!out) continue;
    const a = boxes.get(id)!;
    for (const e of out) {
      if (!inWin.has(e.target)) continue;
      const weight = e.type === 'aggregate' ? (e.data?.count ?? 1) : 1;
      near.push({ e, score: distance(a, boxes.get(e.target)!) / weight });
    }
  }
  const byScore = (x: { score: number }, y: { score: number }) => x.score - y.score;
  if (focus.length > budgets.focus) focus.sort(byScore);
  if (near.length > budgets.near) near.sort(byScore);
  const focusDrawn = Math.min(focus.length, budgets.focus);
  const nearDrawn = Math.min(near.length, budgets.near);
  const edges: FlowEdge[] = [];
  for (let i = 0; i < focusDrawn; i++) edges.push(focus[i]!.e);
  for (let i = 0; i < nearDrawn; i++) edges.push(near[i]!.e);
  return {
    edges,
    stats: {
      drawn: edges.length,
      total: index.total,
      focus: focus.length,
      focusDrawn,
      overBudget: near.length - nearDrawn,
    },
  };
}

/** Every node's box on the canvas (a child's position is relative to its class, which comes before it). */
export function nodeBoxes(nodes: readonly FlowNode[]): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const n of nodes) {
    const parent = n.parentId ? boxes.get(n.parentId) : undefined;
    boxes.set(n.id, {
      x: (parent?.x ?? 0) + n.position.x,
      y: (parent?.y ?? 0) + n.position.y,
      width: n.width ?? 0,
      height: n.height ?? 0,
    });
  }
  return boxes;
}

/** The nodes to hold: every class, the selected node, the ends of drawn edges, and the functions near the view. */
export function cullNodes(nodes: readonly FlowNode[], win: Rect, keep: ReadonlySet<string>): FlowNode[] {
  const groupAt = new Map<string, XYPosition>();
  return nodes.filter((n) => {
    if (!n.parentId) {
      groupAt.set(n.id, n.position);
      return true;
    }
    if (n.selected || keep.has(n.id)) return true;
    const p = groupAt.get(n.parentId);
    return intersects(
      { x: (p?.x ?? 0) + n.position.x, y: (p?.y ?? 0) + n.position.y, width: n.width ?? 0, height: n.height ?? 0 },
      win,
    );
  });
}

function viewOf(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect | null {
  const [tx, ty, zoom] = s.transform;
  if (!s.width || !s.height || !zoom) return null;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
}

function grow(r: Rect, by: number): Rect {
  const dx = r.width * by;
  const dy = r.height * by;
  return { x: r.x - dx, y: r.y - dy, width: r.width + 2 * dx, height: r.height + 2 * dy };
}

/**
 * The view grown by the margin, while `active`. Follows React Flow's store without re-rendering anything until
 * the view leaves the window or the window becomes four times too wide for it.
 */
function useViewWindow(active: boolean): Rect | null {
  const store = useStoreApi<FlowNode, FlowEdge>();
  const [win, setWin] = useState<Rect | null>(null);
  useEffect(() => {
    if (!active) return;
    let current: Rect | null = null;
    const onStore = (s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>) => {
      const view = viewOf(s);
      if (!view) return;
      if (current && contains(current, view) && view.width * view.height * 16 >= current.width * current.height) return;
      current = grow(view, MARGIN);
      setWin(current);
    };
    onStore(store.getState());
    return store.subscribe(onStore);
  }, [active, store]);
  return active ? win : null;
}

/** `value`, once it has not changed for `ms` (the first value at once). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The nodes and edges to give React Flow: all of them for a small graph, else those near the view (see the
 * file comment), with what the edge cull left out. `nodes` is the editor's full list, with dragged positions.
 */
export function useCulledGraph(
  nodes: FlowNode[],
  edges: FlowEdge[],
  large: boolean,
): { nodes: FlowNode[]; edges: FlowEdge[]; stats: CullStats | null } {
  const nodesOn = large && nodes.length > CULL_MIN_NODES;
  const win = useViewWindow(large);
  // Edges follow nodes that moved once they settle: not on every frame of a drag.
  const settled = useSettled(nodes, SETTLE_MS);
  const boxes = useMemo(() => (large ? nodeBoxes(settled) : null), [large, settled]);
  const index = useMemo(() => (large ? indexEdges(edges) : null), [large, edges]);

  // The same edges as last time keep the same array, so that React Flow has nothing to re-adopt.
  const previous = useRef<FlowEdge[]>([]);
  const culled = useMemo(() => {
    if (!index || !boxes) return null;
    const r = win ? cullEdges(index, boxes, win) : { edges: [], stats: null };
    const last = previous.current;
    if (r.edges.length === last.length && r.edges.every((e, i) => e === last[i])) r.edges = last;
    previous.current = r.edges;
    return r;
  }, [index, boxes, win]);
  const shownEdges = culled ? culled.edges : edges;

  const shownNodes = useMemo(() => {
    if (!nodesOn) return nodes;
    if (!win) return nodes.filter((n) => !n.parentId);
    const ends = new Set<string>();
    for (const e of shownEdges) {
      ends.add(e.source);
      ends.add(e.target);
    }
    return cullNodes(nodes, win, ends);
  }, [nodesOn, nodes, win, shownEdges]);

  return { nodes: shownNodes, edges: shownEdges, stats: culled?.stats ?? null };
}
