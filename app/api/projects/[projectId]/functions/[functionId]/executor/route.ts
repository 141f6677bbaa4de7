import { handle, jsonBody } from '@/lib/api/handler';
import { getFunctionExecutor, setFunctionExecutor } from '@/lib/server/runs/executor-settings';

/** How runs execute this function: `{kind: 'schema' | 'teacher'}` or `{kind: 'http', url, method?, headers?, timeoutMs?}`. */
export const PUT = handle<{ projectId: string; functionId: string }>(async (req, { db, actor }, { projectId, functionId }) => ({
  executor: await setFunctionExecutor(db, actor, projectId, functionId, await jsonBody(req)),
}));

export const GET = handle<{ projectId: string; functionId: string }>(async (_req, { db, actor }, { projectId, functionId }) => ({
  executor: await getFunctionExecutor(db, actor, projectId, functionId),
}));
