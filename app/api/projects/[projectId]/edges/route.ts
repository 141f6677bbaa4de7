import { handle, jsonBody } from '@/lib/api/handler';
import { createEdge } from '@/lib/server/graph/create-edge';
import { deleteEdges } from '@/lib/server/graph/delete-edges';
import { updateEdges } from '@/lib/server/graph/update-edges';

type P = { projectId: string };

/** Draw an edge (or restore one on undo). */
export const POST = handle<P>(async (req, { db, actor }, { projectId }) => ({ edge: await createEdge(db, actor, projectId, (await jsonBody(req)) as never) }));

/** Accept, reject or retype: `{ids, set}` or `{filter, set}`. */
export const PATCH = handle<P>(async (req, { db, actor }, { projectId }) => updateEdges(db, actor, projectId, (await jsonBody(req)) as never));

export const DELETE = handle<P>(async (req, { db, actor }, { projectId }) => deleteEdges(db, actor, projectId, (await jsonBody(req)) as never));
