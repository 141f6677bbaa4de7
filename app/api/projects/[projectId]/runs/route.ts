import { handle, jsonBody, searchParams } from '@/lib/api/handler';
import { createRun } from '@/lib/server/runs/create-run';
import { listRuns } from '@/lib/server/runs/list-runs';

type P = { projectId: string };

/** The project's runs, newest first (`offset`, `limit`). */
export const GET = handle<P>(async (req, { db, actor }, { projectId }) => listRuns(db, actor, projectId, searchParams(req)));

/** Start a run: `{name?, paths: {ids} | {filter}, teacher?, concurrency?, repairs?, seed?}`. */
export const POST = handle<P>(async (req, { db, actor }, { projectId }) => ({
  run: await createRun(db, actor, projectId, await jsonBody(req)),
}));
