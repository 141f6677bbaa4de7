import { handle } from '@/lib/api/handler';
import { getRun } from '@/lib/server/runs/get-run';

/** A run with its job counts, rate, ETA and latest failures (the Runs page polls this). */
export const GET = handle<{ projectId: string; runId: string }>(async (_req, { db, actor }, { projectId, runId }) =>
  getRun(db, actor, projectId, runId),
);
