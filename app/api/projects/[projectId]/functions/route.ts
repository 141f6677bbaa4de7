import { handle, jsonBody, searchParams } from '@/lib/api/handler';
import { deleteFunctions } from '@/lib/server/library/delete-functions';
import { listFunctions } from '@/lib/server/library/list-functions';

type P = { projectId: string };

export const GET = handle<P>(async (req, { db, actor }, { projectId }) =>
  listFunctions(db, actor, projectId, searchParams(req)),
);

/** Bulk delete: body {ids: string[]}. */
export const DELETE = handle<P>(async (req, { db, actor }, { projectId }) =>
  deleteFunctions(db, actor, projectId, (await jsonBody(req)) as never),
);
