'use client';

import '@xyflow/react/dist/style.css';
import { useQuery } from '@tanstack/react-query';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeTypes,
  type IsValidConnection,
  type NodeTypes,
  type OnConnect,
  type ReactFlowState,
  type XYPosition,
} from '@xyflow/react';
import { Library, Loader2, Network, RotateCw, Sparkles } from 'lucide-react';
import Link from 'next/link';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/lib/ui/cn';
import { fetchGraph, graphKey } from './api';
import { CategoryNode } from './category-node';
import { FOCUS_EDGE_BUDGET, NEAR_EDGE_BUDGET, useCulledGraph, type CullStats } from './culling';
import { AggregateEdge, FunctionEdge } from './edges';
import { FunctionNode } from './function-node';
import { CanvasContext, type GraphCanvasContext } from './graph-context';
import { GraphToolbar } from './graph-toolbar';
import { GroupMiniMap, type MiniGroup } from './group-mini-map';
import { NODE_H, NODE_W } from './layout-core';
import { Legend } from './legend';
import {
  buildIndex,
  COLLAPSED_H,
  COLLAPSED_W,
  deriveEdges,
  deriveNodes,
  GROUP_HEADER,
  GROUP_PAD,
  shallowEqual,
  type FlowEdge,
  type FlowNode,
  type GraphIndex,
} from './model';
import { SearchBox } from './search-box';
import { SidePanel } from './side-panel';
import { DEFAULT_FILTERS, type EdgeFilters, type GraphData, type Selection } from './types';
import { useGraphActions, type GraphOps } from './use-graph-actions';
import { useGroupLayouts } from './use-group-layouts';

/** Graphs up to this many functions open with every class expanded; larger ones open as an overview of classes. */
const AUTO_EXPAND_MAX = 300;
/** Graphs larger than this switch to the class overview (members not rendered) when zoomed out below OVERVIEW_ZOOM. */
const OVERVIEW_MIN_NODES = 300;
const OVERVIEW_ZOOM = 0.4;
/** Edge labels show at this zoom and above. */
const LABEL_ZOOM = 1;
/** Counts on folded edges show at this zoom and above (below, 10 px text is under 3 px on screen). */
const COUNT_ZOOM = 0.3;
/**
 * Below this zoom a large graph draws functions as plain cards (no rounded corners, shadow, handles or badge)
 * and edges without dashes: with a hundred or more functions on screen, repainting those details on every
 * frame of a pan took 20 to 30 ms, and at that size they cannot be read anyway.
 */
const DETAIL_ZOOM = 0.75;

// Stable, module-level: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { function: FunctionNode, category: CategoryNode } satisfies NodeTypes;
const edgeTypes = { function: FunctionEdge, aggregate: AggregateEdge } satisfies EdgeTypes;

const zoomedOutSelector = (s: ReactFlowState) => s.transform[2] < OVERVIEW_ZOOM;
const labelsSelector = (s: ReactFlowState) => s.transform[2] >= LABEL_ZOOM;
const countsSelector = (s: ReactFlowState) => s.transform[2] >= COUNT_ZOOM;
const lodSelector = (s: ReactFlowState) => s.transform[2] < DETAIL_ZOOM;
const miniMapColor = (n: FlowNode) =>
  n.type === 'function' ? n.data.color : n.data.collapsed ? n.data.color : n.data.tint;

/** The Graph stage: loads the graph, then shows the editor or an empty state. */
export function GraphEditor({ projectId }: { projectId: string }) {
  const graph = useQuery({ queryKey: graphKey(projectId), queryFn: () => fetchGraph(projectId) });

  if (graph.isPending) {
    return (
      <div className="text-muted-foreground flex h-full items-center justify-center gap-2 text-sm" role="status">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Loading the graph…
      </div>
    );
  }
  if (graph.isError) {
    return (
      <div className="p-6">
        <Alert variant="destructive">
          <AlertTitle>The graph could not be loaded</AlertTitle>
          <AlertDescription>
            <p>{graph.error.message}</p>
            <Button variant="outline" size="sm" className="mt-2" onClick={() => void graph.refetch()}>
              <RotateCw aria-hidden /> Try again
            </Button>
          </AlertDescription>
        </Alert>
      </div>
    );
  }
  if (graph.data.nodes.length === 0) {
    return (
      <div className="p-6">
        <EmptyState
          icon={Library}
          title="Import functions in the Library first"
          description="Every function becomes a node of the signature graph; edges say whose output feeds whose input."
          action={
            <Button asChild>
              <Link href={`/p/${projectId}/library`}>Go to the Library</Link>
            </Button>
          }
        />
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <GraphWorkspace projectId={projectId} data={graph.data} />
    </ReactFlowProvider>
  );
}

function GraphWorkspace({ projectId, data }: { projectId: string; data: GraphData }) {
  const { ops, state } = useGraphActions(projectId);
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const index = useMemo(() => buildIndex(data), [data]);
  const [filters, setFilters] = useState<EdgeFilters>(DEFAULT_FILTERS);
  const [selection, setSelection] = useState<Selection>(null);
  // Which classes are expanded: a default plus the classes toggled away from it.
  const [expansion, setExpansion] = useState(() => ({
    all: data.nodes.length <= AUTO_EXPAND_MAX,
    toggled: new Set<string>(),
  }));
  const isExpanded = useCallback((g: string) => expansion.all !== expansion.toggled.has(g), [expansion]);
  const zoomedOut = useStore(zoomedOutSelector);
  const labels = useStore(labelsSelector);
  const counts = useStore(countsSelector);
  const overview = zoomedOut && data.nodes.length > OVERVIEW_MIN_NODES;
  const isCollapsed = useCallback((g: string) => overview || !isExpanded(g), [overview, isExpanded]);

  // A selection whose function or edge is gone (deleted, undone) is no selection.
  const live =
    selection && (selection.type === 'node' ? index.nodeById.has(selection.id) : index.edgeById.has(selection.id))
      ? selection
      : null;
  const current = useMemo<Selection>(
    () => (live ? { type: live.type, id: live.id } : null),
    // The parts are the identity: a new object with the same parts must not re-derive the graph.
    [live?.type, live?.id],
  );

  const setGroupExpanded = useCallback((groupIds: string[], expanded: boolean) => {
    setExpansion((x) => {
      const toggled = new Set(x.toggled);
      let changed = false;
      for (const g of groupIds) {
        const want = expanded !== x.all; // in `toggled` iff it differs from the default
        if (want !== toggled.has(g)) {
          changed = true;
          if (want) toggled.add(g);
          else toggled.delete(g);
        }
      }
      return changed ? { all: x.all, toggled } : x;
    });
  }, []);

  // Layouts for the expanded classes (the only ones whose members are placed).
  const layoutInputs = useMemo(
    () => index.groups.filter((g) => isExpanded(g.id)).map((g) => index.shapes.get(g.id)!),
    [index, isExpanded],
  );
  const { layouts, pending } = useGroupLayouts(layoutInputs);

  const derivedEdges = useMemo(
    () => deriveEdges({ data, index, filters, isCollapsed, selection: current }),
    [data, index, filters, isCollapsed, current],
  );
  const nodes = useMemo(
    () =>
      deriveNodes({
        index,
        layouts,
        pending,
        isExpanded,
        overview,
        focus: derivedEdges.focus,
        neighbours: derivedEdges.neighbours,
        selectedNodeId: current?.type === 'node' ? current.id : null,
      }),
    [index, layouts, pending, isExpanded, overview, derivedEdges, current],
  );
  // Keep the identity of unchanged edges so that their memoized components do not re-render.
  const edgeCache = useRef(new Map<string, FlowEdge>());
  const edges = useMemo(() => {
    const prev = edgeCache.current;
    const next = derivedEdges.edges.map((e) => {
      const p = prev.get(e.id);
      return p && sameEdge(p, e) ? p : e;
    });
    edgeCache.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [derivedEdges]);

  // Centering waits for the target's class to be laid out and for React Flow's store to hold the new nodes.
  const [target, setTarget] = useState<{ id: string; seq: number } | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    if (!target) return;
    // Large graphs jump: a glide across thousands of functions zooms out on the way and, for a few frames,
    // brings thousands of them into view.
    const glide = data.nodes.length > OVERVIEW_MIN_NODES ? 0 : 400;
    const groupId = index.groupOf.get(target.id) ?? target.id;
    if (pending.has(groupId)) return;
    let frames = 0;
    let raf = 0;
    const tick = () => {
      if (++frames < 3) {
        raf = requestAnimationFrame(tick);
        return;
      }
      const group = rf.getInternalNode(groupId);
      // From the layout, not from React Flow: in the overview the function itself is not rendered.
      const inGroup = target.id !== groupId ? layouts.get(groupId)?.positions[target.id] : undefined;
      if (group && inGroup) {
        const at: XYPosition = {
          x: group.internals.positionAbsolute.x + GROUP_PAD + inGroup.x + NODE_W / 2,
          y: group.internals.positionAbsolute.y + GROUP_HEADER + inGroup.y + NODE_H / 2,
        };
        void rf.setCenter(at.x, at.y, { zoom: Math.max(rf.getZoom(), 1.1), duration: glide });
      } else if (group) {
        void rf.fitView({
          nodes: [{ id: groupId }],
          padding: 0.15,
          duration: glide,
          maxZoom: 1.2,
          minZoom: data.nodes.length > OVERVIEW_MIN_NODES ? OVERVIEW_ZOOM + 0.05 : undefined,
        });
      }
      setTarget(null);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [target, pending, layouts, index, rf, data.nodes.length]);

  const focusFunction = useCallback(
    (id: string) => {
      const g = index.groupOf.get(id);
      if (g) setGroupExpanded([g], true);
      setSelection({ type: 'node', id });
      setTarget({ id, seq: ++seq.current });
    },
    [index, setGroupExpanded],
  );
  const selectEdge = useCallback(
    (id: string) => {
      const e = index.edgeById.get(id);
      if (!e) return;
      const groups = [index.groupOf.get(e.fromId), index.groupOf.get(e.toId)].filter((g): g is string => !!g);
      setGroupExpanded(groups, true);
      setSelection({ type: 'edge', id });
    },
    [index, setGroupExpanded],
  );
  const toggleGroup = useCallback(
    (groupId: string) => {
      const expand = !isExpanded(groupId) || overview;
      setGroupExpanded([groupId], expand);
      if (expand) setTarget({ id: groupId, seq: ++seq.current });
    },
    [isExpanded, overview, setGroupExpanded],
  );

  const onNodeClick = useCallback((_: ReactMouseEvent, node: FlowNode) => {
    if (node.type === 'function') setSelection({ type: 'node', id: node.id });
  }, []);
  const onEdgeClick = useCallback(
    (_: ReactMouseEvent, edge: FlowEdge) => {
      if (edge.type === 'function') {
        setSelection({ type: 'edge', id: edge.id });
        return;
      }
      // A folded edge: open the classes at its ends.
      const groups = [edge.source, edge.target].filter((id) => index.groupById.has(id));
      setGroupExpanded(groups, true);
      if (groups[0]) setTarget({ id: groups[0], seq: ++seq.current });
    },
    [index, setGroupExpanded],
  );
  const onPaneClick = useCallback(() => setSelection(null), []);
  const isValidConnection = useCallback<IsValidConnection<FlowEdge>>(
    (c) => c.source !== c.target && index.nodeById.has(c.source) && index.nodeById.has(c.target),
    [index],
  );
  const onConnect = useCallback<OnConnect>(
    (c: Connection) => {
      if (c.source === c.target || !index.nodeById.has(c.source) || !index.nodeById.has(c.target)) return;
      void ops.draw(c.source, c.target).then((edge) => {
        if (edge) setSelection({ type: 'edge', id: edge.id });
      });
    },
    [index, ops],
  );

  // Initial fit, once the first layouts are in (at most the worker's time limit) and React Flow's viewport
  // exists. `rf` changes identity when the viewport is initialised, which cancels a pending frame: the fit is
  // marked done only when it is asked for (before, it was marked at once and then cancelled, so a large graph
  // opened at zoom 1 on its top-left corner).
  const fitted = useRef(false);
  const laidOut = pending.size === 0;
  useEffect(() => {
    if (fitted.current || !laidOut || nodes.length === 0 || !rf.viewportInitialized) return;
    let raf = requestAnimationFrame(() => {
      raf = requestAnimationFrame(() => {
        fitted.current = true;
        void rf.fitView({ padding: 0.12, maxZoom: 1.2 });
      });
    });
    return () => cancelAnimationFrame(raf);
  }, [laidOut, nodes.length, rf]);

  useKeyboard(ops, current, setSelection);

  const canvas = useMemo<GraphCanvasContext>(() => ({ labels, counts, toggleGroup }), [labels, counts, toggleGroup]);
  const noEdges = data.edges.length === 0;
  const search = useMemo(
    () => <SearchBox nodes={data.nodes} index={index} onPick={focusFunction} />,
    [data.nodes, index, focusFunction],
  );
  // Expanding or collapsing every class re-packs the canvas: keep the function in focus in view.
  const focusedId = current?.type === 'node' ? current.id : null;
  const expandAll = useCallback(() => {
    setExpansion({ all: true, toggled: new Set() });
    if (focusedId) setTarget({ id: focusedId, seq: ++seq.current });
  }, [focusedId]);
  const collapseAll = useCallback(() => {
    setExpansion({ all: false, toggled: new Set() });
    if (focusedId) setTarget({ id: focusedId, seq: ++seq.current });
  }, [focusedId]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <GraphToolbar
        search={search}
        data={data}
        filters={filters}
        onFiltersChange={setFilters}
        ops={ops}
        state={state}
        showPropose={!noEdges}
        onExpandAll={expandAll}
        onCollapseAll={collapseAll}
        expandAllHint={
          data.nodes.length > OVERVIEW_MIN_NODES
            ? `Expand all classes (${data.nodes.length.toLocaleString('en-US')} functions). Zoomed out, classes stay summaries; zoomed in, the canvas draws only the functions and edges near the view.`
            : undefined
        }
        shownEdges={derivedEdges.shown}
      />
      <div className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1">
          <CanvasContext.Provider value={canvas}>
            <GraphCanvas
              derivedNodes={nodes}
              edges={edges}
              large={data.nodes.length > OVERVIEW_MIN_NODES}
              onNodeClick={onNodeClick}
              onEdgeClick={onEdgeClick}
              onPaneClick={onPaneClick}
              onConnect={onConnect}
              isValidConnection={isValidConnection}
            />
          </CanvasContext.Provider>
          {!laidOut && !fitted.current && (
            <div
              role="status"
              className="bg-background/70 text-muted-foreground absolute inset-0 z-10 flex items-center justify-center gap-2 text-sm"
            >
              <Loader2 className="size-4 animate-spin" aria-hidden /> Laying out the graph…
            </div>
          )}
          {noEdges && <NoEdges ops={ops} proposing={state.proposing} />}
          {overview && (
            <p className="bg-background/90 text-muted-foreground pointer-events-none absolute top-3 left-1/2 z-10 -translate-x-1/2 rounded-full border px-3 py-1 text-xs shadow-sm">
              Overview of classes: zoom in (or search) to see functions
            </p>
          )}
        </div>
        <SidePanel
          index={index}
          selection={current}
          ops={ops}
          busy={state.busy}
          onFocusFunction={focusFunction}
          onSelectEdge={selectEdge}
        />
      </div>
    </div>
  );
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return (
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    a.selected === b.selected &&
    a.zIndex === b.zIndex &&
    a.markerEnd === b.markerEnd &&
    shallowEqual(a.data, b.data)
  );
}

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a.type === b.type &&
    a.parentId === b.parentId &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    shallowEqual(a.data, b.data)
  );
}

/**
 * React Flow itself. Node state lives here (useNodesState), so dragging re-renders this component and
 * React Flow's store only, never the toolbar or the panel. Derived nodes are merged in: a node keeps its
 * object (and its dragged position) unless what the editor derived for it changed.
 */
const GraphCanvas = memo(function GraphCanvas({
  derivedNodes,
  edges,
  large,
  onNodeClick,
  onEdgeClick,
  onPaneClick,
  onConnect,
  isValidConnection,
}: {
  derivedNodes: FlowNode[];
  edges: FlowEdge[];
  /**
   * A large graph: React Flow gets only the nodes and edges near the view (see culling.ts), the overview map
   * draws classes only (React Flow's draws and follows every node), and the canvas has no dot grid.
   */
  large: boolean;
  onNodeClick(e: ReactMouseEvent, n: FlowNode): void;
  onEdgeClick(e: ReactMouseEvent, edge: FlowEdge): void;
  onPaneClick(): void;
  onConnect: OnConnect;
  isValidConnection: IsValidConnection<FlowEdge>;
}) {
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>([]);
  const lastDerived = useRef(new Map<string, XYPosition>());
  const culled = useCulledGraph(nodes, edges, large);

  // Zoomed out in a large graph, nodes and edges are drawn plainer (see `.graph-lod` in the node and edge
  // components): a class on the canvas, so crossing the threshold re-renders no node or edge.
  const lod = useStore(lodSelector) && large;
  const miniGroups = useMemo(
    () =>
      large
        ? derivedNodes.flatMap((n): MiniGroup[] =>
            n.type === 'category'
              ? [
                  {
                    id: n.id,
                    x: n.position.x,
                    y: n.position.y,
                    width: n.width ?? COLLAPSED_W,
                    height: n.height ?? COLLAPSED_H,
                    fill: n.data.collapsed ? n.data.color : n.data.tint,
                    stroke: n.data.color,
                  },
                ]
              : [],
          )
        : [],
    [large, derivedNodes],
  );

  useEffect(() => {
    const before = lastDerived.current;
    lastDerived.current = new Map(derivedNodes.map((d) => [d.id, d.position]));
    setNodes((currentNodes) => {
      const byId = new Map(currentNodes.map((n) => [n.id, n]));
      return derivedNodes.map((d) => {
        const cur = byId.get(d.id);
        const was = before.get(d.id);
        // Where the layout put it has not changed: keep where the user may have dragged it.
        const keep = !!cur && !!was && was.x === d.position.x && was.y === d.position.y && cur.parentId === d.parentId;
        if (cur && keep && sameNode(cur, d)) return cur;
        // `measured` comes with the derived node (sizes are fixed), so a node scrolling into view reports no change.
        return { ...d, position: keep ? cur!.position : d.position } as FlowNode;
      });
    });
  }, [derivedNodes, setNodes]);

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={culled.nodes}
      edges={culled.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onEdgeClick={onEdgeClick}
      onPaneClick={onPaneClick}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onlyRenderVisibleElements
      minZoom={0.03}
      maxZoom={2}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      elevateNodesOnSelect={false}
      connectionLineStyle={{ stroke: 'var(--primary)', strokeWidth: 2 }}
      className={cn('bg-muted/30', lod && 'graph-lod')}
      aria-label="Signature graph"
    >
      {/* The dot grid costs a third of repainting the screen on every frame of a pan: small graphs only. */}
      {!large && <Background gap={24} size={1} />}
      <Controls position="top-left" showInteractive={false} />
      {large ? (
        <GroupMiniMap groups={miniGroups} />
      ) : (
        <MiniMap<FlowNode>
          pannable
          zoomable
          nodeColor={miniMapColor}
          nodeStrokeWidth={0}
          ariaLabel="Overview map"
          className="bg-background! border"
        />
      )}
      <Legend plain={lod} />
      {culled.stats && culled.stats.drawn < culled.stats.total && <CullNote stats={culled.stats} />}
    </ReactFlow>
  );
});

/** Says that a large graph draws only some of its edges, which ones, and how to see others. */
const CullNote = memo(function CullNote({ stats }: { stats: CullStats }) {
  const n = (x: number) => x.toLocaleString('en-US');
  const focus =
    stats.focus === 0
      ? ''
      : stats.focusDrawn < stats.focus
        ? ` + ${n(stats.focusDrawn)} of ${n(stats.focus)} in focus`
        : ` + ${n(stats.focus)} in focus`;
  return (
    // Top centre, under the line where the overview notice shows.
    <Panel position="top-center" className="pointer-events-none mt-12!">
      <p
        role="note"
        className="bg-background/90 text-muted-foreground pointer-events-auto max-w-md rounded-full border px-3 py-1 text-xs shadow-sm"
        title={`Too many edges to draw at once, so the canvas draws those whose two ends are on or near the screen, the shortest first (at most ${n(NEAR_EDGE_BUDGET)}), and those of the selected function or edge (at most ${n(FOCUS_EDGE_BUDGET)}; Details lists them all). Pan or zoom in to see others.`}
      >
        {n(stats.drawn)} of {n(stats.total)} edges drawn: near the view{focus}
        {stats.overBudget > 0 ? ` (zoom in for ${n(stats.overBudget)} more)` : ''}
      </p>
    </Panel>
  );
});

/** The call to action over the canvas while the graph has functions but no edges. */
const NoEdges = memo(function NoEdges({ ops, proposing }: { ops: GraphOps; proposing: 'heuristic' | 'llm' | null }) {
  return (
    <div className="pointer-events-none absolute inset-x-0 top-6 z-10 flex justify-center">
      <div className="bg-background pointer-events-auto max-w-md rounded-lg border p-5 text-center shadow-md">
        <Network className="text-muted-foreground mx-auto mb-2 size-6" aria-hidden />
        <h2 className="font-medium">No edges yet</h2>
        <p className="text-muted-foreground mt-1 text-sm">
          Let the studio propose which outputs feed which inputs, from the functions&apos; schemas; then accept or
          reject each proposal. You can also draw edges by hand.
        </p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <Button onClick={() => void ops.propose('heuristic')} disabled={proposing !== null}>
            {proposing === 'heuristic' ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />}
            Propose edges
          </Button>
          <Button variant="outline" onClick={() => void ops.propose('llm')} disabled={proposing !== null}>
            {proposing === 'llm' && <Loader2 className="animate-spin" aria-hidden />}
            Ask the LLM judge
          </Button>
        </div>
      </div>
    </div>
  );
});

/** Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo, Delete removes the selected edge, Escape clears the selection. */
function useKeyboard(ops: GraphOps, selection: Selection, setSelection: (s: Selection) => void) {
  const latest = useRef({ selection, setSelection });
  latest.current = { selection, setSelection };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.isContentEditable ||
          ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) ||
          t.closest('[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"]'))
      )
        return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        void (e.shiftKey ? ops.redo() : ops.undo());
      } else if (mod && key === 'y') {
        e.preventDefault();
        void ops.redo();
      } else if (e.key === 'Delete' && latest.current.selection?.type === 'edge') {
        e.preventDefault();
        void ops.remove([latest.current.selection.id]);
      } else if (e.key === 'Escape' && latest.current.selection) {
        latest.current.setSelection(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ops]);
}

export type { GraphIndex };
