import { handle, jsonBody, searchParams } from '@/lib/api/handler';
import { createPath } from '@/lib/server/paths/create-path';
import { deletePaths } from '@/lib/server/paths/delete-paths';
import { listPaths } from '@/lib/server/paths/list-paths';

type P = { projectId: string };

/** A page of paths; filters in the query (recipeId, origin, scenario, minTurns, maxTurns, functionId, operations). */
export const GET = handle<P>(async (req, { db, actor }, { projectId }) =>
  listPaths(db, actor, projectId, searchParams(req)),
);

/** A path built by hand: `{name?, history?}`. */
export const POST = handle<P>(async (req, { db, actor }, { projectId }) => ({
  path: await createPath(db, actor, projectId, (await jsonBody(req)) as never),
}));

/** Bulk delete: `{ids}` or `{filter}`. */
export const DELETE = handle<P>(async (req, { db, actor }, { projectId }) =>
  deletePaths(db, actor, projectId, (await jsonBody(req)) as never),
);
