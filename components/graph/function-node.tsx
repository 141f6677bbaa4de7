'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { cn } from '@/lib/ui/cn';
import type { FunctionFlowNode } from './model';

/**
 * A function: its name, a coloured edge for its class, and handles to draw edges (in on the left, out on the right).
 * Dimmed by fading its colours, not with `opacity`: an opacity is an offscreen layer per node, and with a
 * function in focus almost every node on screen is dimmed; the browser repaints them all on every frame of a pan.
 */
export const FunctionNode = memo(function FunctionNode({ data, isConnectable }: NodeProps<FunctionFlowNode>) {
  const dim = data.emphasis === 'dim';
  return (
    <div
      data-testid={`graph-node-${data.name}`}
      data-emphasis={data.emphasis}
      className={cn(
        'flex size-full items-center gap-2 rounded-md border border-l-4 px-2.5 shadow-xs transition-colors',
        // Zoomed out in a large graph (see DETAIL_ZOOM): a plain card, cheaper to repaint.
        'in-[.graph-lod]:rounded-none in-[.graph-lod]:shadow-none',
        dim ? 'bg-card/40 text-card-foreground/35 border-border/40 shadow-none' : 'bg-card text-card-foreground',
        'in-[.selected]:ring-ring in-[.selected]:ring-2',
        data.emphasis === 'focus' && 'ring-primary ring-2',
        data.emphasis === 'neighbour' && 'border-primary/60',
      )}
      style={{ borderLeftColor: dim ? `color-mix(in srgb, ${data.color} 30%, transparent)` : data.color }}
      title={data.name}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={isConnectable}
        className="bg-background! border-muted-foreground! size-2.5! border-2! in-[.graph-lod]:invisible"
      />
      <span className="min-w-0 flex-1 truncate font-mono text-xs font-medium">{data.name}</span>
      {!data.hasReturns && (
        // A solid border: a dashed rounded one on every node on screen cost more to paint than the node itself.
        <span
          className={cn(
            'shrink-0 rounded border px-1 text-[10px] leading-4 in-[.graph-lod]:hidden',
            dim ? 'text-muted-foreground/40 border-border/40' : 'text-muted-foreground',
          )}
          title="No return schema: edges out of this function can only be prerequisites or guesses"
        >
          no returns
        </span>
      )}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={isConnectable}
        className="bg-primary! border-background! size-2.5! border-2! in-[.graph-lod]:invisible"
      />
    </div>
  );
});
