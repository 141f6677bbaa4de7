import { handle, searchParams } from '@/lib/api/handler';
import { listExchanges } from '@/lib/server/runs/list-exchanges';

/** The run's LLM exchanges (`jobId`, `errorsOnly`, `offset`, `limit`). */
export const GET = handle<{ projectId: string; runId: string }>(async (req, { db, actor }, { projectId, runId }) =>
  listExchanges(db, actor, projectId, runId, searchParams(req)),
);
