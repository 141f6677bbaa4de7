'use client';

import { Handle, Position, useReactFlow, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { ChevronDown, ChevronRight, Loader2 } from 'lucide-react';
import { memo, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { cn } from '@/lib/ui/cn';
import { useCanvasContext } from './graph-context';
import type { GroupFlowNode } from './model';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * Drags a node that React Flow does not drag (an expanded class) by an element of it: pointer capture, and
 * the node's new position through React Flow's `updateNode`, which reaches the editor as a node change like
 * any drag. The element has `nopan` so that the canvas does not pan at the same time.
 */
function useHeaderDrag(id: string) {
  const rf = useReactFlow();
  const drag = useRef<{ x: number; y: number; from: { x: number; y: number }; zoom: number } | null>(null);
  return {
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      const node = rf.getNode(id);
      if (e.button !== 0 || !node || (e.target as HTMLElement).closest('button')) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { x: e.clientX, y: e.clientY, from: node.position, zoom: rf.getZoom() };
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const d = drag.current;
      if (!d) return;
      rf.updateNode(id, {
        position: { x: d.from.x + (e.clientX - d.x) / d.zoom, y: d.from.y + (e.clientY - d.y) / d.zoom },
      });
    },
    onPointerUp() {
      drag.current = null;
    },
  };
}

/**
 * A class (category) of functions. Expanded, it is a frame around its functions; collapsed, a summary card
 * that edges to its functions are folded into. Only its header drags it, so the rest of the frame pans.
 */
export const CategoryNode = memo(function CategoryNode({ id, data, width, height }: NodeProps<GroupFlowNode>) {
  const { toggleGroup } = useCanvasContext();
  const headerDrag = useHeaderDrag(id);
  const Chevron = data.collapsed ? ChevronRight : ChevronDown;
  const toggle = (
    <button
      type="button"
      className="nodrag hover:bg-accent focus-visible:ring-ring/50 inline-flex size-6 shrink-0 items-center justify-center rounded outline-none focus-visible:ring-[3px]"
      aria-label={`${data.collapsed ? 'Expand' : 'Collapse'} ${data.name}`}
      aria-expanded={!data.collapsed}
      onClick={(e) => {
        e.stopPropagation();
        toggleGroup(id);
      }}
    >
      <Chevron className="size-4" aria-hidden />
    </button>
  );
  // Collapsed groups are the ends of folded edges; the handles are there for those edges, not for drawing.
  const handles = (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="opacity-0!" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="opacity-0!" />
    </>
  );

  if (data.collapsed) {
    return (
      <div
        data-testid={`graph-group-${data.name}`}
        data-collapsed="true"
        className={cn(
          'bg-card text-card-foreground graph-group-handle flex size-full cursor-grab flex-col justify-center gap-1 rounded-lg border-2 px-3 shadow-sm transition-opacity',
          data.emphasis === 'neighbour' && 'ring-primary/60 ring-2',
          data.emphasis === 'dim' && 'opacity-30',
        )}
        style={{ borderColor: data.color }}
        onDoubleClick={() => toggleGroup(id)}
      >
        {handles}
        <div className="flex min-w-0 items-center gap-1.5">
          {toggle}
          <span className="truncate text-sm font-semibold" title={data.name}>
            {data.name}
          </span>
        </div>
        <p className="text-muted-foreground pl-7 text-xs tabular-nums">
          {plural(data.count, 'function')} · {plural(data.internalEdges, 'edge')} inside
        </p>
      </div>
    );
  }

  return (
    <div
      data-testid={`graph-group-${data.name}`}
      data-collapsed="false"
      // A solid border: a dashed one around a frame tens of thousands of pixels wide (a class of thousands of
      // functions) is re-dashed along its whole length on every frame of a pan.
      className={cn(
        'relative size-full rounded-xl border-2 transition-opacity',
        data.emphasis === 'neighbour' && 'ring-primary/60 ring-4',
        data.emphasis === 'dim' && 'opacity-40',
      )}
      style={{ borderColor: data.color, background: data.tint }}
    >
      {handles}
      {data.summary && <Summary data={data} width={width ?? 0} height={height ?? 0} />}
      <div
        className="nopan flex h-11 cursor-grab items-center gap-1.5 px-2"
        onPointerDown={headerDrag.onPointerDown}
        onPointerMove={headerDrag.onPointerMove}
        onPointerUp={headerDrag.onPointerUp}
        onPointerCancel={headerDrag.onPointerUp}
      >
        {toggle}
        <span className="truncate text-sm font-semibold" title={data.name}>
          {data.name}
        </span>
        <span className="text-muted-foreground text-xs tabular-nums">{plural(data.count, 'function')}</span>
        {data.pending && (
          <span className="text-muted-foreground ml-auto inline-flex items-center gap-1 text-xs">
            <Loader2 className="size-3 animate-spin" aria-hidden /> laying out
          </span>
        )}
      </div>
    </div>
  );
});

/** Zoom rounded to two digits, so that summaries re-render a few times per zoom gesture, not every frame. */
const zoomSelector = (s: ReactFlowState) => Math.round(s.transform[2] * 100) / 100;

/**
 * An expanded class in the zoomed-out overview: its name and counts, sized to stay readable on screen
 * (about 16 px) but never wider than the frame. Only rendered in the overview, so only a few dozen
 * components follow the zoom.
 */
function Summary({ data, width, height }: { data: GroupFlowNode['data']; width: number; height: number }) {
  const zoom = useStore(zoomSelector) || 1;
  const size = Math.min(16 / zoom, width / Math.max(6, data.name.length * 0.7), height / 4);
  return (
    <div
      className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-[0.3em] p-4 text-center"
      style={{ fontSize: size }}
    >
      <span className="line-clamp-2 leading-tight font-semibold break-all" style={{ color: data.color }}>
        {data.name}
      </span>
      <span className="text-muted-foreground text-[0.6em] tabular-nums">
        {plural(data.count, 'function')} · {plural(data.internalEdges, 'edge')}
      </span>
    </div>
  );
}
