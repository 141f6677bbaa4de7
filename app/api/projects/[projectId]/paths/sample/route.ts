import { handle, jsonBody } from '@/lib/api/handler';
import { samplePaths } from '@/lib/server/paths/sample-paths';

/** Sample a batch: `{recipeName?, recipe?}`. */
export const POST = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) =>
  samplePaths(db, actor, projectId, (await jsonBody(req)) as never),
);
