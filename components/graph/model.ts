// Pure derivations from the graph data to what React Flow draws: groups, packing, nodes, edges, aggregation.
import { MarkerType, Position, type Edge, type EdgeMarker, type Node, type NodeHandle } from '@xyflow/react';
import { NODE_H, NODE_W, shapeKey, type GroupLayout, type XY } from './layout-core';
import type { GroupLayoutInput } from './use-group-layouts';
import type { EdgeFilters, EdgeKind, EdgeStatus, GraphData, GraphEdge, GraphNode, Selection } from './types';

export const GROUP_PAD = 20;
export const GROUP_HEADER = 44;
export const COLLAPSED_W = 260;
export const COLLAPSED_H = 84;
const GROUP_GAP = 56;
/** Name of the group for functions without a class. */
export const NO_CLASS = '(no class)';

export interface GroupInfo {
  id: string;
  name: string;
  color: string;
  tint: string;
  /** Member ids sorted by name. */
  members: string[];
  /** Edges (any status) whose two ends are members. */
  internalEdges: number;
}

export interface GraphIndex {
  nodeById: Map<string, GraphNode>;
  edgeById: Map<string, GraphEdge>;
  groups: GroupInfo[];
  groupById: Map<string, GroupInfo>;
  groupOf: Map<string, string>;
  /** Edges in and out of each function. */
  incident: Map<string, GraphEdge[]>;
  /** Each group's layout shape. */
  shapes: Map<string, GroupLayoutInput>;
}

export const groupIdOf = (category: string) => `group:${category || NO_CLASS}`;

/** Distinct hues by the golden angle; the tint is the same colour, faint, for expanded group backgrounds. */
function groupColors(i: number) {
  const hue = Math.round((i * 137.508 + 265) % 360);
  return { color: `oklch(0.62 0.13 ${hue})`, tint: `oklch(0.62 0.13 ${hue} / 0.12)` };
}

export function buildIndex(data: GraphData): GraphIndex {
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const byGroup = new Map<string, GraphNode[]>();
  const groupOf = new Map<string, string>();
  for (const n of data.nodes) {
    const gid = groupIdOf(n.category);
    groupOf.set(n.id, gid);
    if (!byGroup.has(gid)) byGroup.set(gid, []);
    byGroup.get(gid)!.push(n);
  }
  const incident = new Map<string, GraphEdge[]>();
  const pairs = new Map<string, Array<[string, string]>>();
  for (const e of data.edges) {
    for (const id of e.fromId === e.toId ? [e.fromId] : [e.fromId, e.toId]) {
      if (!incident.has(id)) incident.set(id, []);
      incident.get(id)!.push(e);
    }
    const g = groupOf.get(e.fromId);
    if (g !== undefined && g === groupOf.get(e.toId) && e.fromId !== e.toId) {
      if (!pairs.has(g)) pairs.set(g, []);
      pairs.get(g)!.push([e.fromId, e.toId]);
    }
  }
  const byName = (a: GraphNode, b: GraphNode) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
  const groups = [...byGroup.entries()]
    .map(([id, members]) => ({ id, name: members[0]!.category || NO_CLASS, members: members.sort(byName) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g, i) => ({
      id: g.id,
      name: g.name,
      ...groupColors(i),
      members: g.members.map((m) => m.id),
      internalEdges: pairs.get(g.id)?.length ?? 0,
    }));
  const shapes = new Map<string, GroupLayoutInput>();
  for (const g of groups) {
    const edges = (pairs.get(g.id) ?? []).sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
    );
    shapes.set(g.id, { groupId: g.id, key: shapeKey(g.members, edges), nodeIds: g.members, edges });
  }
  return { nodeById, edgeById, groups, groupById: new Map(groups.map((g) => [g.id, g])), groupOf, incident, shapes };
}

/** Does the canvas show this edge? Proposed edges also need the minimum confidence. */
export function edgeVisible(e: GraphEdge, f: EdgeFilters): boolean {
  if (!f.statuses[e.status] || !f.kinds[e.kind]) return false;
  return e.status !== 'proposed' || e.confidence >= f.minConfidence;
}

/** Shelf packing of groups, in name order, into rows about as wide as the whole is tall. */
export function packGroups(items: Array<{ id: string; width: number; height: number }>): Map<string, XY> {
  const area = items.reduce((s, i) => s + (i.width + GROUP_GAP) * (i.height + GROUP_GAP), 0);
  const widest = items.reduce((m, i) => Math.max(m, i.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.6);
  const out = new Map<string, XY>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const item of items) {
    if (x > 0 && x + item.width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    out.set(item.id, { x, y });
    x += item.width + GROUP_GAP;
    rowHeight = Math.max(rowHeight, item.height);
  }
  return out;
}

export type Emphasis = 'none' | 'focus' | 'neighbour' | 'dim';

export type FunctionNodeData = {
  name: string;
  hasReturns: boolean;
  color: string;
  emphasis: Emphasis;
};
export type GroupNodeData = {
  name: string;
  count: number;
  internalEdges: number;
  color: string;
  tint: string;
  collapsed: boolean;
  /** Expanded, but the canvas is zoomed out to the overview: a summary stands in for the members. */
  summary: boolean;
  /** The worker has not laid this group out yet. */
  pending: boolean;
  emphasis: Emphasis;
};
export type FunctionFlowNode = Node<FunctionNodeData, 'function'>;
export type GroupFlowNode = Node<GroupNodeData, 'category'>;
export type FlowNode = FunctionFlowNode | GroupFlowNode;

export type FunctionEdgeData = {
  kind: EdgeKind;
  status: EdgeStatus;
  confidence: number;
  fromName: string;
  toName: string;
  emphasis: Emphasis;
};
export type AggregateEdgeData = {
  count: number;
  accepted: number;
  proposed: number;
  rejected: number;
  sourceLabel: string;
  targetLabel: string;
  emphasis: Emphasis;
};
export type FunctionFlowEdge = Edge<FunctionEdgeData, 'function'>;
export type AggregateFlowEdge = Edge<AggregateEdgeData, 'aggregate'>;
export type FlowEdge = FunctionFlowEdge | AggregateFlowEdge;

export const STATUS_COLOR: Record<EdgeStatus, string> = {
  accepted: 'var(--primary)',
  proposed: 'var(--muted-foreground)',
  rejected: 'var(--destructive)',
};
export const KIND_DASH: Record<EdgeKind, string | undefined> = {
  full: undefined,
  partial: '7 5',
  prerequisite: '1.5 4',
};

/** Opacity of an edge: proposed edges fade with low confidence, rejected ones are faint, dimmed ones nearly gone. */
export function edgeOpacity(status: EdgeStatus, confidence: number, dimmed: boolean): number {
  const base = status === 'proposed' ? 0.3 + 0.7 * confidence : status === 'rejected' ? 0.45 : 1;
  return dimmed ? base * 0.15 : base;
}

/**
 * The arrowhead of an edge of this colour and opacity. Edges are faded with stroke-opacity, not with a group
 * opacity (which makes the browser paint every edge into an offscreen layer of its own, the main cost of
 * panning over a few hundred edges), so the arrowhead carries the same opacity in its colour. Opacities are
 * rounded to tenths: React Flow defines one <marker> per distinct marker, so at most 3 × 11 of them, and the
 * objects are cached so that an unchanged edge keeps an identical marker.
 */
const markerCache = new Map<string, EdgeMarker>();
export function markerFor(status: EdgeStatus, opacity: number): EdgeMarker {
  const pct = Math.round(Math.min(1, Math.max(0, opacity)) * 10) * 10;
  const key = `${status}:${pct}`;
  let m = markerCache.get(key);
  if (!m) {
    const color =
      pct >= 100 ? STATUS_COLOR[status] : `color-mix(in srgb, ${STATUS_COLOR[status]} ${pct}%, transparent)`;
    m = { type: MarkerType.ArrowClosed, color, width: 16, height: 16 };
    markerCache.set(key, m);
  }
  return m;
}

/** Opacity of a folded edge (dimmed when a focus elsewhere is active). */
export const aggregateOpacity = (dimmed: boolean) => (dimmed ? 0.15 : 0.85);

export interface DerivedEdges {
  edges: FlowEdge[];
  /** Rendered node ids (functions or collapsed groups) linked to the focus by a drawn edge. */
  neighbours: Set<string>;
  /** The function(s) in focus: the selected function, or the two ends of the selected edge. */
  focus: Set<string>;
  /** How many graph edges pass the filters. */
  shown: number;
}

/**
 * The edges React Flow draws. An edge with an end inside a collapsed group is folded into one aggregate
 * edge per pair of drawn ends, labelled with a count; edges inside one collapsed group are not drawn.
 */
export function deriveEdges(args: {
  data: GraphData;
  index: GraphIndex;
  filters: EdgeFilters;
  isCollapsed: (groupId: string) => boolean;
  selection: Selection;
}): DerivedEdges {
  const { data, index, filters, isCollapsed, selection } = args;
  const focus = new Set<string>();
  if (selection?.type === 'node' && index.nodeById.has(selection.id)) focus.add(selection.id);
  const selectedEdge = selection?.type === 'edge' ? index.edgeById.get(selection.id) : undefined;
  if (selectedEdge) {
    focus.add(selectedEdge.fromId);
    focus.add(selectedEdge.toId);
  }
  const active = focus.size > 0;
  const collapsedCache = new Map<string, boolean>();
  const endpoint = (fnId: string) => {
    const g = index.groupOf.get(fnId);
    if (g === undefined) return fnId;
    let c = collapsedCache.get(g);
    if (c === undefined) collapsedCache.set(g, (c = isCollapsed(g)));
    return c ? g : fnId;
  };
  const edges: FlowEdge[] = [];
  const aggregates = new Map<string, AggregateFlowEdge>();
  const neighbours = new Set<string>();
  let shown = 0;
  for (const e of data.edges) {
    const visible = edgeVisible(e, filters);
    if (visible) shown++;
    // The selected edge is drawn even when the filters hide its kind or status.
    else if (e !== selectedEdge) continue;
    const s = endpoint(e.fromId);
    const t = endpoint(e.toId);
    if (s === t) continue;
    const touches = selectedEdge ? e === selectedEdge : focus.has(e.fromId) || focus.has(e.toId);
    if (touches) {
      neighbours.add(s);
      neighbours.add(t);
    }
    if (s === e.fromId && t === e.toId) {
      const emphasis: Emphasis = active ? (touches ? 'focus' : 'dim') : 'none';
      edges.push({
        id: e.id,
        type: 'function',
        source: s,
        target: t,
        selected: e === selectedEdge,
        markerEnd: markerFor(e.status, edgeOpacity(e.status, e.confidence, emphasis === 'dim')),
        data: {
          kind: e.kind,
          status: e.status,
          confidence: e.confidence,
          fromName: index.nodeById.get(e.fromId)?.name ?? e.fromId,
          toName: index.nodeById.get(e.toId)?.name ?? e.toId,
          emphasis,
        },
      });
      continue;
    }
    const id = `agg:${s}>${t}`;
    let agg = aggregates.get(id);
    if (!agg) {
      const label = (end: string) => index.groupById.get(end)?.name ?? index.nodeById.get(end)?.name ?? end;
      agg = {
        id,
        type: 'aggregate',
        source: s,
        target: t,
        selectable: false,
        data: {
          count: 0,
          accepted: 0,
          proposed: 0,
          rejected: 0,
          sourceLabel: label(s),
          targetLabel: label(t),
          emphasis: active ? 'dim' : 'none',
        },
      };
      aggregates.set(id, agg);
    }
    const d = agg.data!;
    d.count++;
    d[e.status]++;
    if (touches) d.emphasis = 'focus';
  }
  for (const agg of aggregates.values()) {
    const d = agg.data!;
    agg.markerEnd = markerFor(d.accepted > 0 ? 'accepted' : 'proposed', aggregateOpacity(d.emphasis === 'dim'));
    edges.push(agg);
  }
  return { edges, neighbours, focus, shown };
}

/**
 * Handles where the node components draw them (measured in the DOM: 10 px handles on function nodes,
 * React Flow's 6 px ones inside the 2 px border of class nodes). Given up front, with `measured`, so that
 * React Flow neither has to render a node before drawing its edges (an edge to a function off screen) nor
 * reports a size change when a node scrolls into view: each such report made the editor hand all the nodes
 * back to React Flow, which re-adopted thousands of them while the user panned.
 */
const FUNCTION_SIZE = { width: NODE_W, height: NODE_H };
const FUNCTION_HANDLES: NodeHandle[] = [
  { id: null, type: 'target', position: Position.Left, x: -5, y: NODE_H / 2 - 5, width: 10, height: 10 },
  { id: null, type: 'source', position: Position.Right, x: NODE_W - 5, y: NODE_H / 2 - 5, width: 10, height: 10 },
];
const groupHandles = (width: number, height: number): NodeHandle[] => [
  { id: null, type: 'target', position: Position.Left, x: -1, y: height / 2 - 3, width: 6, height: 6 },
  { id: null, type: 'source', position: Position.Right, x: width - 5, y: height / 2 - 3, width: 6, height: 6 },
];

/**
 * The nodes React Flow draws: each group (parent) followed by its members when it is expanded.
 * Sizes and places depend only on which groups the user expanded, never on the zoom: in the zoomed-out
 * overview an expanded group keeps its frame but shows a summary instead of its members, so crossing
 * the overview threshold moves nothing.
 */
export function deriveNodes(args: {
  index: GraphIndex;
  layouts: Map<string, GroupLayout>;
  pending: Set<string>;
  isExpanded: (groupId: string) => boolean;
  overview: boolean;
  focus: Set<string>;
  neighbours: Set<string>;
  selectedNodeId: string | null;
}): FlowNode[] {
  const { index, layouts, pending, isExpanded, overview, focus, neighbours, selectedNodeId } = args;
  const active = focus.size > 0;
  const layoutOf = (g: GroupInfo) => (isExpanded(g.id) ? layouts.get(g.id) : undefined);
  const sizes = index.groups.map((g) => {
    const layout = layoutOf(g);
    return layout
      ? { id: g.id, width: layout.width + 2 * GROUP_PAD, height: layout.height + GROUP_HEADER + GROUP_PAD }
      : { id: g.id, width: COLLAPSED_W, height: COLLAPSED_H };
  });
  const places = packGroups(sizes);
  const nodes: FlowNode[] = [];
  index.groups.forEach((g, i) => {
    const size = sizes[i]!;
    const layout = layoutOf(g);
    const showMembers = !!layout && !overview;
    nodes.push({
      id: g.id,
      type: 'category',
      position: places.get(g.id)!,
      width: size.width,
      height: size.height,
      measured: { width: size.width, height: size.height },
      handles: groupHandles(size.width, size.height),
      selectable: false,
      connectable: false,
      // React Flow gives a draggable node the `nopan` class, so an expanded frame (most of the canvas once
      // classes are expanded) would stop the canvas from panning under the pointer. Expanded frames are
      // therefore not draggable by React Flow: their header drags them itself (see CategoryNode).
      draggable: !layout,
      dragHandle: '.graph-group-handle',
      ariaLabel: `Class ${g.name}, ${g.members.length} functions`,
      data: {
        name: g.name,
        count: g.members.length,
        internalEdges: g.internalEdges,
        color: g.color,
        tint: g.tint,
        collapsed: !layout,
        summary: !!layout && overview,
        pending: !!layout && pending.has(g.id),
        emphasis: !active || showMembers ? 'none' : neighbours.has(g.id) ? 'neighbour' : 'dim',
      },
    });
    if (!showMembers) return;
    for (const id of g.members) {
      const fn = index.nodeById.get(id)!;
      const p = layout.positions[id] ?? { x: 0, y: 0 };
      nodes.push({
        id,
        type: 'function',
        parentId: g.id,
        extent: 'parent',
        position: { x: GROUP_PAD + p.x, y: GROUP_HEADER + p.y },
        width: NODE_W,
        height: NODE_H,
        measured: FUNCTION_SIZE,
        handles: FUNCTION_HANDLES,
        selected: id === selectedNodeId,
        ariaLabel: `Function ${fn.name}`,
        data: {
          name: fn.name,
          hasReturns: fn.hasReturns,
          color: g.color,
          emphasis: !active ? 'none' : focus.has(id) ? 'focus' : neighbours.has(id) ? 'neighbour' : 'dim',
        },
      });
    }
  });
  return nodes;
}

export function shallowEqual(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

/** The edges that `set` would change: used to say in a confirmation how many edges a bulk action touches. */
export function countProposed(data: GraphData | undefined, test: (confidence: number) => boolean): string[] {
  if (!data) return [];
  return data.edges.filter((e) => e.status === 'proposed' && test(e.confidence)).map((e) => e.id);
}

/** Case-insensitive search by name: prefix matches first, then substring matches, by name. */
export function searchFunctions(nodes: GraphNode[], query: string, limit = 30): GraphNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const prefix: GraphNode[] = [];
  const inner: GraphNode[] = [];
  for (const n of nodes) {
    const name = n.name.toLowerCase();
    const at = name.indexOf(q);
    if (at === 0) prefix.push(n);
    else if (at > 0) inner.push(n);
  }
  const byName = (a: GraphNode, b: GraphNode) => a.name.localeCompare(b.name);
  return [...prefix.sort(byName), ...inner.sort(byName)].slice(0, limit);
}
