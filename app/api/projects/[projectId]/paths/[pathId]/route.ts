import { z } from 'zod';
import { handle, jsonBody, searchParams } from '@/lib/api/handler';
import { invalidInput } from '@/lib/server/errors';
import { deletePaths } from '@/lib/server/paths/delete-paths';
import { getPath } from '@/lib/server/paths/get-path';
import { savePath } from '@/lib/server/paths/save-path';

type P = { projectId: string; pathId: string };

const getQuery = z.object({ check: z.enum(['true', 'false']).optional() });

/** The path and its issues against the graph; `?check=false` skips the check (the editor checks as you edit). */
export const GET = handle<P>(async (req, { db, actor }, { projectId, pathId }) => {
  const query = getQuery.safeParse(searchParams(req));
  if (!query.success) throw invalidInput(query.error, 'query');
  return getPath(db, actor, projectId, pathId, { check: query.data.check !== 'false' });
});

/** Save: `{version, name?, history}`; 409 when someone saved since `version`. */
export const PUT = handle<P>(async (req, { db, actor }, { projectId, pathId }) => ({
  path: await savePath(db, actor, projectId, pathId, (await jsonBody(req)) as never),
}));

export const DELETE = handle<P>(async (_req, { db, actor }, { projectId, pathId }) =>
  deletePaths(db, actor, projectId, { ids: [pathId] }),
);
