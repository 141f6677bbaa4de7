import { handle } from '@/lib/api/handler';
import { retryRun } from '@/lib/server/runs/retry-run';

/** Translate the failed (and never started) paths of an ended run again. */
export const POST = handle<{ projectId: string; runId: string }>(async (_req, { db, actor }, { projectId, runId }) => ({
  run: await retryRun(db, actor, projectId, runId),
}));
