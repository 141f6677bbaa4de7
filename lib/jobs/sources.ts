// Where a worker learns which jobs to try. The Job table decides who runs what (claim-job.ts);
// a source only says which job ids are worth claiming.
import PgBoss from 'pg-boss';
import type { Db } from '@/lib/db/client';
import { claimableJobs, DEFAULT_STALE_MS } from '@/lib/server/runs/claim-job';
import { errorMessage } from '@/lib/error-message';

export interface JobTicket {
  jobId: string;
  /** Tells the source this delivery is dealt with (claimed and finished, or not claimable). */
  ack(): Promise<void>;
}

export interface JobSource {
  kind: 'table' | 'pg-boss';
  take(runId: string, max: number, inFlight: ReadonlySet<string>): Promise<JobTicket[]>;
  /** New or requeued jobs of a run. */
  announce(runId: string, jobIds: readonly string[]): Promise<void>;
  /** The run has ended: whatever the source keeps for it can go. */
  forget(runId: string): Promise<void>;
  close(): Promise<void>;
}

const noop = async () => {};

/** Polls the Job table: the embedded (SQLite) default, also correct on PostgreSQL. */
export function tableSource(db: Db, staleMs = DEFAULT_STALE_MS): JobSource {
  return {
    kind: 'table',
    async take(runId, max, inFlight) {
      const ids = await claimableJobs(db, runId, max + inFlight.size, staleMs);
      return ids
        .filter((id) => !inFlight.has(id))
        .slice(0, max)
        .map((jobId) => ({ jobId, ack: noop }));
    },
    announce: noop,
    forget: noop,
    close: noop,
  };
}

const queueName = (runId: string) => `magnet-translate-${runId}`;

/**
 * pg-boss on PostgreSQL: one queue per run, one pg-boss job per path job, fetched by any
 * `magnet worker` process on any machine. Deliveries are at least once; the conditional claim
 * makes a second delivery of a finished job a no-op.
 */
export async function pgBossSource(connectionString: string, opts: { supervise?: boolean } = {}): Promise<JobSource> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 4,
    supervise: opts.supervise ?? false,
    schedule: false,
    // Our own stale-lock sweep requeues the jobs of a dead worker; pg-boss need not retry them.
    retryLimit: 0,
  });
  boss.on('error', (e) => console.error(`pg-boss: ${errorMessage(e)}`));
  await boss.start();
  const queues = new Set<string>();
  const ensure = async (name: string) => {
    if (queues.has(name)) return;
    if (!(await boss.getQueue(name)))
      await boss.createQueue(name).catch(async (e) => {
        // Two workers creating the same queue at once: the loser finds it there.
        if (!(await boss.getQueue(name))) throw e;
      });
    queues.add(name);
  };
  /** Runs `fn` on the run's queue; once more after re-creating it if another worker had deleted it. */
  const onQueue = async <T>(runId: string, fn: (name: string) => Promise<T>): Promise<T> => {
    const name = queueName(runId);
    await ensure(name);
    try {
      return await fn(name);
    } catch {
      queues.delete(name);
      await ensure(name);
      return fn(name);
    }
  };
  return {
    kind: 'pg-boss',
    async take(runId, max) {
      const name = queueName(runId);
      const jobs = await onQueue(runId, (n) => boss.fetch<{ jobId: string }>(n, { batchSize: max }));
      // Fetched jobs are acknowledged once dealt with (claimed and finished, or not claimable).
      return jobs.map((j) => ({ jobId: j.data.jobId, ack: () => boss.complete(name, j.id) }));
    },
    async announce(runId, jobIds) {
      for (let i = 0; i < jobIds.length; i += 1000) {
        const ids = jobIds.slice(i, i + 1000);
        await onQueue(runId, (name) =>
          boss.insert(ids.map((jobId) => ({ name, data: { jobId }, expireInSeconds: 6 * 3600 }))),
        );
      }
    },
    async forget(runId) {
      const name = queueName(runId);
      queues.delete(name);
      await boss.deleteQueue(name);
    },
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}
