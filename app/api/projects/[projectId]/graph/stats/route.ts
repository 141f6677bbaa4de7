import { handle } from '@/lib/api/handler';
import { getGraphStats } from '@/lib/server/graph/get-graph-stats';

/** Edge counts by status, kind and provenance, and how connected the functions are. */
export const GET = handle<{ projectId: string }>(async (_req, { db, actor }, { projectId }) =>
  getGraphStats(db, actor, projectId),
);
