// The graph editor's view of the REST API (GET /api/projects/:pid/graph and the edge routes).
import type { EdgeKind, EdgeProvenance, EdgeStatus, FieldMapping } from '@/lib/magnet/graph/types';

export { EDGE_KINDS, EDGE_STATUSES } from '@/lib/magnet/graph/types';
export type { EdgeKind, EdgeProvenance, EdgeStatus, FieldMapping };

// The shapes the routes answer with and accept are the server's own views and inputs (types only,
// erased from the bundle), so the editor cannot drift from the API.
export type { GraphNode, GraphView as GraphData } from '@/lib/server/graph/get-graph';
export type { EdgeView as GraphEdge } from '@/lib/server/graph/edge-view';
export type { BuildGraphReport as BuildResult } from '@/lib/server/graph/build-graph';
export type { EdgeFilter, EdgeChange, CreateEdgeInput as CreateEdgeBody } from '@/lib/server/graph/schemas';

export type ProposeMethod = 'heuristic' | 'llm';

/** Which edges the canvas shows. */
export interface EdgeFilters {
  statuses: Record<EdgeStatus, boolean>;
  kinds: Record<EdgeKind, boolean>;
  /** Proposed edges below this confidence are hidden (accepted and rejected ones are decisions, never hidden by it). */
  minConfidence: number;
}

export const DEFAULT_FILTERS: EdgeFilters = {
  statuses: { proposed: true, accepted: true, rejected: false },
  kinds: { full: true, partial: true, prerequisite: true },
  minConfidence: 0,
};

/** What the side panel shows: a function or an edge. */
export type Selection = { type: 'node'; id: string } | { type: 'edge'; id: string } | null;
