import { handle, searchParams } from '@/lib/api/handler';
import { getPathStats } from '@/lib/server/paths/get-path-stats';

export const GET = handle<{ projectId: string }>(async (req, { db, actor }, { projectId }) =>
  getPathStats(db, actor, projectId, searchParams(req)),
);
