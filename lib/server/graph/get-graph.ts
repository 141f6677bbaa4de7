import type { Db } from '@/lib/db/client';
import type { JsonSchema } from '@/lib/magnet/functions/types';
import { flattenSchema } from '@/lib/magnet/graph/fields';
import { authorize, type Actor } from '../actor';
import { edgeSelect, toEdgeView, type EdgeView } from './edge-view';

export interface GraphNode {
  id: string;
  name: string;
  category: string;
  description: string;
  params: string[];
  required: string[];
  /** Output field paths (`flights[].flight_id`), for the side panel and drawing mappings. */
  outputs: string[];
  hasReturns: boolean;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: EdgeView[];
}

/** The whole graph of a project, compact enough for the editor at 5,000 functions. */
export async function getGraph(db: Db, actor: Actor, projectId: string): Promise<GraphView> {
  await authorize(db, actor, projectId, 'viewer');
  const [functions, edges] = await Promise.all([
    db.function.findMany({
      where: { projectId },
      select: { id: true, name: true, category: true, description: true, parameters: true, returns: true },
      orderBy: [{ category: 'asc' }, { name: 'asc' }],
    }),
    db.edge.findMany({ where: { projectId }, select: edgeSelect, orderBy: { id: 'asc' } }),
  ]);
  const nodes = functions.map((f) => {
    const parameters = f.parameters as { properties?: Record<string, unknown>; required?: string[] };
    const returns = (f.returns as JsonSchema | null) ?? null;
    return {
      id: f.id,
      name: f.name,
      category: f.category,
      description: f.description,
      params: Object.keys(parameters.properties ?? {}),
      required: Array.isArray(parameters.required) ? parameters.required : [],
      outputs: returns
        ? flattenSchema(returns, { maxDepth: 3, maxFields: 60 })
            .map((field) => field.path)
            .filter(Boolean)
        : [],
      hasReturns: returns !== null,
    };
  });
  return { nodes, edges: edges.map(toEdgeView) };
}
