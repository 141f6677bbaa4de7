import { handle, jsonBody } from '@/lib/api/handler';
import { deleteFunctions } from '@/lib/server/library/delete-functions';
import { getFunction } from '@/lib/server/library/get-function';
import { updateFunction } from '@/lib/server/library/update-function';

type P = { projectId: string; functionId: string };

export const GET = handle<P>(async (_req, { db, actor }, { projectId, functionId }) => ({
  function: await getFunction(db, actor, projectId, functionId),
}));

export const PATCH = handle<P>(async (req, { db, actor }, { projectId, functionId }) =>
  updateFunction(db, actor, projectId, functionId, (await jsonBody(req)) as never),
);

export const DELETE = handle<P>(async (_req, { db, actor }, { projectId, functionId }) =>
  deleteFunctions(db, actor, projectId, { ids: [functionId] }),
);
