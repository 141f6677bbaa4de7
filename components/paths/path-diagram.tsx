'use client';

// The path drawn on the graph: one column per turn, one node per call, and the graph edges that
// link them (spine, nested and long-dependency links). A link with no edge in the graph is red
// and dashed: that is what the validator calls a missing edge.
import '@xyflow/react/dist/style.css';
import { Background, MarkerType, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import type { GraphIndex, SamplePath } from '@/lib/magnet/paths';

// Turns run down (the panel is narrow and tall), calls of a turn across.
const TURN = 62;
const CALL = 178;

export function PathDiagram({ path, index }: { path: SamplePath; index: GraphIndex | null }) {
  const { nodes, edges } = useMemo(() => {
    const nodes: Node[] = [];
    const edges: Edge[] = [];
    const link = (from: string, fromFn: string, to: string, toFn: string, label?: string) => {
      const e = index?.edge(fromFn, toFn);
      const missing = !e;
      edges.push({
        id: `${from}>${to}`,
        source: from,
        target: to,
        label,
        animated: false,
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: missing ? '#dc2626' : '#64748b' },
        style: {
          stroke: missing ? '#dc2626' : e.status === 'accepted' ? '#334155' : '#94a3b8',
          strokeDasharray: missing ? '5 4' : e.status === 'proposed' ? '2 3' : undefined,
          strokeWidth: 1.5,
        },
        labelStyle: { fontSize: 10 },
      });
    };
    let prev: { node: string; fn: string } | null = null;
    const lastOfTurn = new Map<number, { node: string; fn: string }>();
    path.turns.forEach((t, ti) => {
      if (t.kind !== 'normal') {
        nodes.push({
          id: `t${ti}`,
          position: { x: 0, y: ti * TURN },
          data: {
            label:
              t.kind === 'miss_param' ? `asks for ${t.missing?.param ?? '?'}` : `${t.withheld?.name ?? '?'} withheld`,
          },
          className: t.kind === 'miss_param' ? 'path-node path-node-param' : 'path-node path-node-func',
          draggable: false,
          connectable: false,
          sourcePosition: 'bottom' as never,
          targetPosition: 'top' as never,
        });
        return;
      }
      t.calls.forEach((c, ci) => {
        const id = `t${ti}c${ci}`;
        nodes.push({
          id,
          position: { x: ci * CALL, y: ti * TURN },
          data: { label: c.name },
          className: c.nested ? 'path-node path-node-nested' : 'path-node',
          draggable: false,
          connectable: false,
          sourcePosition: 'bottom' as never,
          // A nested call is fed by the call beside it.
          targetPosition: (c.nested ? 'left' : 'top') as never,
        });
        if (c.nested && ci > 0) link(`t${ti}c${ci - 1}`, t.calls[ci - 1].functionId, id, c.functionId, 'nested');
        else if (t.dependsOnTurn !== undefined) {
          const src = lastOfTurn.get(t.dependsOnTurn);
          if (src) link(src.node, src.fn, id, c.functionId, `from turn ${t.dependsOnTurn + 1}`);
        } else {
          if (prev) link(prev.node, prev.fn, id, c.functionId);
          prev = { node: id, fn: c.functionId };
        }
        lastOfTurn.set(ti, { node: id, fn: c.functionId });
      });
    });
    return { nodes, edges };
  }, [path, index]);

  if (nodes.length === 0)
    return <p className="text-muted-foreground flex h-full items-center justify-center text-sm">The path is empty.</p>;
  return (
    // Remounted when the path's shape changes, so the view fits the new shape (fitView runs on mount).
    <ReactFlow
      key={nodes.map((n) => n.id).join(' ')}
      nodes={nodes}
      edges={edges}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      proOptions={{ hideAttribution: true }}
      minZoom={0.2}
    >
      <Background gap={16} size={1} />
    </ReactFlow>
  );
}
