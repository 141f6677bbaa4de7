import type { Db } from '@/lib/db/client';
import { announceRun } from '@/lib/jobs/backend';
import { wakeStudioWorker } from '@/lib/jobs/in-process';
import { errorMessage } from '@/lib/error-message';

/**
 * A run's jobs are queued: tell the workers (pg-boss), and wake this process's own worker. The run
 * is stored already, so a failed announcement is not the caller's error: workers find jobs nobody
 * announced on their next sweep.
 */
export async function notifyRunCreated(db: Db, runId: string, jobIds?: readonly string[]) {
  await announceRun(db, runId, jobIds).catch((e) =>
    console.error(`run ${runId}: announcing its jobs failed (${errorMessage(e)}); workers will find them`),
  );
  await wakeStudioWorker();
}
