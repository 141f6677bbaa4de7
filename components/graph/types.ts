// The graph editor's view of the REST API (GET /api/projects/:pid/graph and the edge routes).
import type { EdgeKind, EdgeProvenance, EdgeStatus, FieldMapping } from '@/lib/magnet/graph/types';

export { EDGE_KINDS, EDGE_STATUSES } from '@/lib/magnet/graph/types';
export type { EdgeKind, EdgeProvenance, EdgeStatus, FieldMapping };

/** A function as the graph sees it. */
export interface GraphNode {
  id: string;
  name: string;
  category: string;
  description: string;
  params: string[];
  required: string[];
  /** Flattened output field paths, e.g. `flights[].flight_id`. */
  outputs: string[];
  hasReturns: boolean;
}

export interface GraphEdge {
  id: string;
  fromId: string;
  toId: string;
  kind: EdgeKind;
  provenance: EdgeProvenance;
  /** 0..1 */
  confidence: number;
  status: EdgeStatus;
  mapping: FieldMapping[] | null;
  reason: string;
  version: number;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type ProposeMethod = 'heuristic' | 'llm';

export interface BuildResult {
  proposed: number;
  updated: number;
  kept: number;
  method: ProposeMethod;
}

export interface EdgeChange {
  status?: EdgeStatus;
  kind?: EdgeKind;
}

export interface EdgeFilter {
  status?: EdgeStatus;
  /** confidence ≥ minConfidence */
  minConfidence?: number;
  /** confidence < maxConfidence */
  maxConfidence?: number;
  kind?: EdgeKind;
  provenance?: EdgeProvenance;
}

/** Body of POST /edges: a drawn edge, or (with every field) a deleted edge put back by undo. */
export interface CreateEdgeBody {
  fromId: string;
  toId: string;
  kind: EdgeKind;
  mapping?: FieldMapping[] | null;
  status?: EdgeStatus;
  provenance?: EdgeProvenance;
  confidence?: number;
  reason?: string;
}

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
