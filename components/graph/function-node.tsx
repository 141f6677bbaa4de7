'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { cn } from '@/lib/ui/cn';
import type { FunctionFlowNode } from './model';

/** A function: its name, a coloured edge for its class, and handles to draw edges (in on the left, out on the right). */
export const FunctionNode = memo(function FunctionNode({ data, isConnectable }: NodeProps<FunctionFlowNode>) {
  return (
    <div
      data-testid={`graph-node-${data.name}`}
      data-emphasis={data.emphasis}
      className={cn(
        'bg-card text-card-foreground flex size-full items-center gap-2 rounded-md border border-l-4 px-2.5 shadow-xs transition-opacity',
        'in-[.selected]:ring-ring in-[.selected]:ring-2',
        data.emphasis === 'focus' && 'ring-primary ring-2',
        data.emphasis === 'neighbour' && 'border-primary/60',
        data.emphasis === 'dim' && 'opacity-30',
      )}
      style={{ borderLeftColor: data.color }}
      title={data.name}
    >
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={isConnectable}
        className="bg-background! border-muted-foreground! size-2.5! border-2!"
      />
      <span className="min-w-0 flex-1 truncate font-mono text-xs font-medium">{data.name}</span>
      {!data.hasReturns && (
        <span
          className="text-muted-foreground shrink-0 rounded border border-dashed px-1 text-[10px] leading-4"
          title="No return schema: edges out of this function can only be prerequisites or guesses"
        >
          no returns
        </span>
      )}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={isConnectable}
        className="bg-primary! border-background! size-2.5! border-2!"
      />
    </div>
  );
});
