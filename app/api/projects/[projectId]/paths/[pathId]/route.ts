import { handle, jsonBody, searchParams } from '@/lib/api/handler';
import { deletePaths } from '@/lib/server/paths/delete-paths';
import { getPath } from '@/lib/server/paths/get-path';
import { savePath } from '@/lib/server/paths/save-path';

type P = { projectId: string; pathId: string };

export const GET = handle<P>(async (_req, { db, actor }, { projectId, pathId }) =>
  getPath(db, actor, projectId, pathId),
);

/** Save: `{version, name?, history}`; 409 when someone saved since `version`. */
export const PUT = handle<P>(async (req, { db, actor }, { projectId, pathId }) => ({
  path: await savePath(db, actor, projectId, pathId, (await jsonBody(req)) as never),
}));

export const DELETE = handle<P>(async (_req, { db, actor }, { projectId, pathId }) =>
  deletePaths(db, actor, projectId, { ids: [pathId] }),
);
