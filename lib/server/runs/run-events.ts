import type { Db } from '@/lib/db/client';
import { announceRun } from '@/lib/jobs/backend';
import { wakeStudioWorker } from '@/lib/jobs/in-process';

/** A run's jobs are queued: tell the workers (pg-boss), and wake this process's own worker. */
export async function notifyRunCreated(db: Db, runId: string, jobIds?: readonly string[]) {
  await announceRun(db, runId, jobIds);
  await wakeStudioWorker();
}
