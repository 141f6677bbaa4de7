// Calls to the graph routes. Every function throws ApiError with the server's message on failure.
import { api } from '@/lib/client/api';
import type { BuildResult, CreateEdgeBody, EdgeChange, EdgeFilter, GraphData, GraphEdge, ProposeMethod } from './types';

export const graphKey = (projectId: string) => ['graph', projectId] as const;

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

export function fetchGraph(projectId: string): Promise<GraphData> {
  return api<GraphData>(`${base(projectId)}/graph`);
}

export function buildGraph(projectId: string, method: ProposeMethod, candidates?: number): Promise<BuildResult> {
  return api<BuildResult>(`${base(projectId)}/graph/build`, {
    method: 'POST',
    json: candidates === undefined ? { method } : { method, candidates },
  });
}

export function createEdge(projectId: string, body: CreateEdgeBody): Promise<{ edge: GraphEdge }> {
  return api<{ edge: GraphEdge }>(`${base(projectId)}/edges`, { method: 'POST', json: body });
}

export function patchEdges(
  projectId: string,
  body: { ids: string[]; set: EdgeChange } | { filter: EdgeFilter; set: EdgeChange },
): Promise<{ updated: number; edges: GraphEdge[] }> {
  return api<{ updated: number; edges: GraphEdge[] }>(`${base(projectId)}/edges`, { method: 'PATCH', json: body });
}

export function deleteEdges(projectId: string, ids: string[]): Promise<{ deleted: number }> {
  return api<{ deleted: number }>(`${base(projectId)}/edges`, { method: 'DELETE', json: { ids } });
}

/** The body that puts a deleted edge back exactly as it was. */
export function restoreBody(edge: GraphEdge): CreateEdgeBody {
  return {
    fromId: edge.fromId,
    toId: edge.toId,
    kind: edge.kind,
    mapping: edge.mapping,
    status: edge.status,
    provenance: edge.provenance,
    confidence: edge.confidence,
    reason: edge.reason,
  };
}
