'use client';

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useCanvasContext } from './graph-context';
import {
  aggregateOpacity,
  edgeOpacity,
  KIND_DASH,
  STATUS_COLOR,
  type AggregateFlowEdge,
  type FunctionFlowEdge,
} from './model';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * One edge between two functions. Stroke style says the kind (full solid, partial dashed, prerequisite
 * dotted), colour says the status. The label (kind and confidence) shows when zoomed in or in focus.
 * Fading is stroke-opacity on the path (and the same opacity in the arrowhead's colour, see `markerFor`),
 * never `opacity` on the group: a group opacity is an offscreen layer per edge, repainted on every frame.
 */
export const FunctionEdge = memo(function FunctionEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  markerEnd,
  selected,
}: EdgeProps<FunctionFlowEdge>) {
  const { labels } = useCanvasContext();
  if (!data) return null;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const dimmed = data.emphasis === 'dim';
  const opacity = edgeOpacity(data.status, data.confidence, dimmed);
  const width = selected ? 3 : data.emphasis === 'focus' ? 2.25 : 1.5;
  const showLabel = selected || data.emphasis === 'focus' || (labels && !dimmed);
  return (
    <g data-testid={`graph-edge-${data.fromName}->${data.toName}`} data-status={data.status} data-kind={data.kind}>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={18}
        // Zoomed out in a large graph (see DETAIL_ZOOM) edges are solid: dashes are stroked one by one.
        className="in-[.graph-lod]:[stroke-dasharray:none]!"
        style={{
          stroke: STATUS_COLOR[data.status],
          strokeOpacity: opacity,
          strokeWidth: width,
          strokeDasharray: KIND_DASH[data.kind],
          strokeLinecap: 'round',
        }}
      />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className="bg-background/90 text-foreground pointer-events-none absolute rounded border px-1 font-mono text-[10px] leading-4 whitespace-nowrap"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              opacity: Math.max(opacity, 0.6),
            }}
          >
            {data.kind} {data.confidence.toFixed(2)}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});

/** Edges folded into one because an end is inside a collapsed class: width and label say how many. */
export const AggregateEdge = memo(function AggregateEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  markerEnd,
}: EdgeProps<AggregateFlowEdge>) {
  const { counts } = useCanvasContext();
  if (!data) return null;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const dimmed = data.emphasis === 'dim';
  const width = Math.min(7, 1.5 + Math.log2(data.count));
  const title = `${plural(data.count, 'edge')} from ${data.sourceLabel} to ${data.targetLabel}: ${data.accepted} accepted, ${data.proposed} proposed, ${data.rejected} rejected`;
  return (
    <g data-testid={`graph-agg-${data.sourceLabel}->${data.targetLabel}`}>
      <title>{title}</title>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={18}
        style={{
          stroke: data.accepted > 0 ? STATUS_COLOR.accepted : STATUS_COLOR.proposed,
          strokeOpacity: aggregateOpacity(dimmed),
          strokeWidth: width,
        }}
      />
      {/* Counts are unreadable when zoomed far out (and hundreds of them cost a lot to paint); the title stays. */}
      {counts && (
        <EdgeLabelRenderer>
          <div
            className="bg-background text-foreground pointer-events-none absolute rounded-full border px-1.5 text-[10px] leading-4 font-medium tabular-nums"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              opacity: dimmed ? 0.3 : 1,
            }}
            title={title}
          >
            {data.count}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});
