// The studio's own worker: on SQLite (the embedded default) runs are translated inside the
// studio process; on PostgreSQL only when MAGNET_INPROCESS_WORKER=1 (otherwise `npm run worker`).
import { getDb } from '@/lib/db/client';
import { jobBackend, openSource, staleMs } from './backend';
import { startRunner, type Runner } from './runner';
import { errorMessage } from '@/lib/error-message';

const state = globalThis as unknown as { __magnetRunner?: Promise<Runner | null> };

export function inProcessWorkerWanted(): boolean {
  const flag = process.env.MAGNET_INPROCESS_WORKER;
  if (flag === '0') return false;
  return flag === '1' || jobBackend(getDb()) === 'table';
}

export function startStudioWorker(): Promise<Runner | null> {
  state.__magnetRunner ??= (async () => {
    if (!inProcessWorkerWanted()) return null;
    const db = getDb();
    const runner = startRunner({
      db,
      source: await openSource(db),
      concurrency: Number(process.env.MAGNET_WORKER_CONCURRENCY) || 32,
      staleMs: staleMs(),
      log: (line) => console.log(`[worker] ${line}`),
    });
    return runner;
  })();
  // A failed start (pg-boss unreachable) is tried again next time, not remembered forever.
  state.__magnetRunner.catch((e) => {
    console.error(`[worker] not started: ${errorMessage(e)}`);
    state.__magnetRunner = undefined;
  });
  return state.__magnetRunner;
}

/** Wakes the studio's worker, if this process has one, so a new run starts at once. */
export async function wakeStudioWorker() {
  const runner = await state.__magnetRunner?.catch(() => null);
  runner?.wake();
}
