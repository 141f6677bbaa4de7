import { handle } from '@/lib/api/handler';
import { cancelRun } from '@/lib/server/runs/cancel-run';

export const POST = handle<{ projectId: string; runId: string }>(async (_req, { db, actor }, { projectId, runId }) => ({
  run: await cancelRun(db, actor, projectId, runId),
}));
