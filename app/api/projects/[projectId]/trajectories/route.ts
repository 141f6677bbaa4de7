import { handle, searchParams } from '@/lib/api/handler';
import { listTrajectories } from '@/lib/server/trajectories/list-trajectories';

/** A page of trajectories (`runId`, `pathId`, `outcome` = ok | failed, `offset`, `limit`). */
export const GET = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) =>
  listTrajectories(db, actor, projectId, searchParams(req)),
);
