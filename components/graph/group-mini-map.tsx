'use client';

// The overview map of a large graph: its classes only. React Flow's MiniMap draws every node in the store and
// gives each one a store subscription, so with thousands of functions expanded every frame of a pan ran
// thousands of selectors and every expansion created thousands of SVG elements. Here the classes are drawn
// once per layout change (a few dozen rectangles), and only the view rectangle follows the pan.
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent } from 'react';

const WIDTH = 200;
const HEIGHT = 150;

export interface MiniGroup {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
}

type View = readonly [x: number, y: number, zoom: number, width: number, height: number];
const viewSelector = (s: ReactFlowState): View => [s.transform[0], s.transform[1], s.transform[2], s.width, s.height];
const sameView = (a: View, b: View) => a.every((v, i) => v === b[i]);

const Rects = memo(function Rects({ groups }: { groups: MiniGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <rect
          key={g.id}
          x={g.x}
          y={g.y}
          width={g.width}
          height={g.height}
          rx={Math.min(g.width, g.height) * 0.04}
          style={{ fill: g.fill, stroke: g.stroke }}
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </>
  );
});

/** Classes as rectangles and the view as a frame; drag or click to move the view there, wheel to zoom. */
export const GroupMiniMap = memo(function GroupMiniMap({ groups }: { groups: MiniGroup[] }) {
  const rf = useReactFlow();
  const [tx, ty, zoom, w, h] = useStore(viewSelector, sameView);
  const svg = useRef<SVGSVGElement>(null);
  const bounds = useMemo(() => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const g of groups) {
      x0 = Math.min(x0, g.x);
      y0 = Math.min(y0, g.y);
      x1 = Math.max(x1, g.x + g.width);
      y1 = Math.max(y1, g.y + g.height);
    }
    return groups.length ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 1, y1: 1 };
  }, [groups]);

  const view = { x: -tx / zoom, y: -ty / zoom, width: w / zoom, height: h / zoom };
  const x0 = Math.min(bounds.x0, view.x);
  const y0 = Math.min(bounds.y0, view.y);
  const x1 = Math.max(bounds.x1, view.x + view.width);
  const y1 = Math.max(bounds.y1, view.y + view.height);
  const scale = Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT, 1e-6);
  const offset = 5 * scale;
  const vw = WIDTH * scale + 2 * offset;
  const vh = HEIGHT * scale + 2 * offset;
  const vx = x0 - (WIDTH * scale - (x1 - x0)) / 2 - offset;
  const vy = y0 - (HEIGHT * scale - (y1 - y0)) / 2 - offset;

  // Where on the canvas a pointer on the map points.
  const toFlow = (clientX: number, clientY: number) => {
    const r = svg.current!.getBoundingClientRect();
    return { x: vx + ((clientX - r.left) / r.width) * vw, y: vy + ((clientY - r.top) / r.height) * vh };
  };
  const latest = useRef({ toFlow, zoom });
  latest.current = { toFlow, zoom };

  const moveTo = (e: ReactPointerEvent) => {
    const p = latest.current.toFlow(e.clientX, e.clientY);
    void rf.setCenter(p.x, p.y, { zoom: latest.current.zoom });
  };

  // A native, non-passive listener: the wheel zooms the canvas, not the page, and not around the pointer.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      void (e.deltaY < 0 ? rf.zoomIn({ duration: 0 }) : rf.zoomOut({ duration: 0 }));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [rf]);

  return (
    <Panel position="bottom-right" className="bg-background! nowheel border">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${vx} ${vy} ${vw} ${vh}`}
        role="img"
        aria-label="Overview map"
        className="block cursor-grab touch-none"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
        }}
      >
        <title>Overview map: classes, and the part of the graph in view</title>
        <Rects groups={groups} />
        <path
          d={`M${vx - offset},${vy - offset}h${vw + 2 * offset}v${vh + 2 * offset}h${-vw - 2 * offset}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          style={{ fill: 'color-mix(in srgb, var(--muted-foreground) 18%, transparent)' }}
          pointerEvents="none"
        />
        <rect
          x={view.x}
          y={view.y}
          width={view.width}
          height={view.height}
          fill="none"
          style={{ stroke: 'var(--primary)' }}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
});
