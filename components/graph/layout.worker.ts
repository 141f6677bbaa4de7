// Lays out groups of the signature graph with ELK (layered, left to right) off the main thread.
// Protocol: one LayoutRequest in; one message per group (in request order), then 'done'.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import {
  NODE_H,
  NODE_W,
  splitIsolated,
  withIsolatedGrid,
  type GroupLayout,
  type LayoutGroupInput,
  type LayoutRequest,
  type LayoutResponse,
  type XY,
} from './layout-core';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

const scope = self as unknown as WorkerScope;
const elk = new ELK();

const LAYERED: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.spacing.nodeNode': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': '120',
  'elk.spacing.componentComponent': '32',
  'elk.separateConnectedComponents': 'true',
  'elk.aspectRatio': '1.6',
  // Fewer sweeps: large categories would otherwise take seconds.
  'elk.layered.thoroughness': '3',
  // Measured on a class of 102 functions and 410 edges: 1.2 to 2.7 s with the model order considered and the
  // greedy switch on, 0.2 s without. The editor draws its own curves, so ELK's routes are not used: polyline
  // routing is the cheapest and does not widen the gaps between layers as orthogonal routing does.
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.edgeRouting': 'POLYLINE',
};

async function layoutGroup(input: LayoutGroupInput): Promise<GroupLayout> {
  const { connected, isolated } = splitIsolated(input);
  let block: { positions: Record<string, XY>; width: number; height: number } = { positions: {}, width: 0, height: 0 };
  if (connected.length > 0) {
    const members = new Set(connected);
    const graph: ElkNode = {
      id: 'root',
      layoutOptions: LAYERED,
      children: connected.map((id) => ({ id, width: NODE_W, height: NODE_H })),
      edges: input.edges
        .filter(([s, t]) => s !== t && members.has(s) && members.has(t))
        .map(([s, t], i) => ({ id: `e${i}`, sources: [s], targets: [t] })),
    };
    const out = await elk.layout(graph);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = 0;
    let maxY = 0;
    for (const c of out.children ?? []) {
      minX = Math.min(minX, c.x ?? 0);
      minY = Math.min(minY, c.y ?? 0);
    }
    const positions: Record<string, XY> = {};
    for (const c of out.children ?? []) {
      const x = Math.round((c.x ?? 0) - minX);
      const y = Math.round((c.y ?? 0) - minY);
      positions[c.id] = { x, y };
      maxX = Math.max(maxX, x + NODE_W);
      maxY = Math.max(maxY, y + NODE_H);
    }
    block = { positions, width: maxX, height: maxY };
  }
  return withIsolatedGrid(input.key, 'elk', block, isolated);
}

async function run(request: LayoutRequest) {
  for (const group of request.groups) {
    try {
      scope.postMessage({ type: 'group', jobId: request.jobId, layout: await layoutGroup(group) });
    } catch (e) {
      scope.postMessage({
        type: 'group-error',
        jobId: request.jobId,
        key: group.key,
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }
  scope.postMessage({ type: 'done', jobId: request.jobId });
}

// elk.bundled.js installs its own `self.onmessage` when it finds itself in a worker; this assignment runs
// after that import and takes the handler back.
scope.onmessage = (event) => {
  if (event.data?.type === 'layout') void run(event.data);
};
