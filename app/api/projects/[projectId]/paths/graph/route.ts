import { handle } from '@/lib/api/handler';
import { getPathGraph } from '@/lib/server/paths/load-path-graph';

/** Functions with their schemas and every edge: what the path editor validates against. */
export const GET = handle<{ projectId: string }>(async (_req, { db, actor }, { projectId }) =>
  getPathGraph(db, actor, projectId),
);
