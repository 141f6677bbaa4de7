import { handle, jsonBody } from '@/lib/api/handler';
import { buildGraph } from '@/lib/server/graph/build-graph';

export const POST = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) => buildGraph(db, actor, projectId, (await jsonBody(req)) as never));
