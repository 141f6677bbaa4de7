import { handle } from '@/lib/api/handler';
import { getGraph } from '@/lib/server/graph/get-graph';

export const GET = handle<{ projectId: string }>(async (_req, { db, actor }, { projectId }) => getGraph(db, actor, projectId));
