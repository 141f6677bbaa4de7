import { handle, jsonBody } from '@/lib/api/handler';
import { getExecutorSettings, saveExecutorSettings } from '@/lib/server/runs/executor-settings';

type P = { projectId: string };

/** The HTTP executors' allowlist, timeout and response size limit. */
export const GET = handle<P>(async (_req, { db, actor }, { projectId }) => ({
  settings: await getExecutorSettings(db, actor, projectId),
}));

export const PUT = handle<P>(async (req, { db, actor }, { projectId }) => ({
  settings: await saveExecutorSettings(db, actor, projectId, await jsonBody(req)),
}));
