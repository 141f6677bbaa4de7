'use client';

import { Panel } from '@xyflow/react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { memo, useState } from 'react';
import { KIND_DASH, STATUS_COLOR } from './model';
import { StrokeSample } from './stroke-sample';
import { EDGE_KINDS } from './types';

/**
 * What strokes, colours and markers mean. Bottom-left of the canvas; folds to its title. `plain`: the canvas
 * is zoomed out on a large graph and draws every edge solid, so the kind cannot be read from the stroke.
 */
export const Legend = memo(function Legend({ plain = false }: { plain?: boolean }) {
  const [open, setOpen] = useState(true);
  return (
    <Panel position="bottom-left" className="m-3!">
      <section
        aria-label="Legend"
        className="bg-background/95 text-foreground rounded-lg border text-[11px] shadow-sm backdrop-blur"
      >
        <button
          type="button"
          className="text-muted-foreground flex w-full items-center justify-between gap-4 px-2.5 py-1.5 font-medium"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          Legend
          {open ? <ChevronDown className="size-3.5" aria-hidden /> : <ChevronUp className="size-3.5" aria-hidden />}
        </button>
        {open && (
          <div className="grid grid-cols-[auto_auto] gap-x-4 gap-y-1 border-t px-2.5 py-2">
            <p className="text-muted-foreground font-medium">Kind</p>
            <p className="text-muted-foreground font-medium">Status</p>
            {EDGE_KINDS.map((k, i) => (
              <Row key={k} kind={k} status={(['accepted', 'proposed', 'rejected'] as const)[i]!} />
            ))}
            <p className="text-muted-foreground col-span-2 mt-1 flex items-center gap-1.5">
              <span className="rounded border px-1 text-[10px] leading-4">no returns</span> no return schema
              <span className="bg-background ml-2 rounded-full border px-1.5 text-[10px] leading-4 font-medium">
                12
              </span>
              folded edges
            </p>
            {plain && (
              <p className="text-muted-foreground col-span-2">
                Zoomed out: every edge is drawn solid. Zoom in for kinds.
              </p>
            )}
          </div>
        )}
      </section>
    </Panel>
  );
});

const STATUS_NOTE = { accepted: 'accepted', proposed: 'proposed (faint = unsure)', rejected: 'rejected' } as const;

function Row({ kind, status }: { kind: (typeof EDGE_KINDS)[number]; status: keyof typeof STATUS_NOTE }) {
  return (
    <>
      <span className="flex items-center gap-1.5">
        <StrokeSample dash={KIND_DASH[kind]} color="var(--foreground)" /> {kind}
      </span>
      <span className="flex items-center gap-1.5">
        <StrokeSample
          color={STATUS_COLOR[status]}
          opacity={status === 'rejected' ? 0.45 : status === 'proposed' ? 0.8 : 1}
        />
        {STATUS_NOTE[status]}
      </span>
    </>
  );
}
