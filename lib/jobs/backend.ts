// Which job backend this process uses: pg-boss when the database is PostgreSQL (workers on any
// machine), the Job table polled in-process otherwise. MAGNET_JOBS=table forces polling.
import { providerOf, urlOf, type Db } from '@/lib/db/client';
import { DEFAULT_STALE_MS } from '@/lib/server/runs/claim-job';
import { pgBossSource, tableSource, type JobSource } from './sources';

export function jobBackend(db: Db): 'table' | 'pg-boss' {
  if (process.env.MAGNET_JOBS === 'table') return 'table';
  return providerOf(db) === 'postgresql' ? 'pg-boss' : 'table';
}

export const staleMs = () => Number(process.env.MAGNET_JOB_STALE_MS) || DEFAULT_STALE_MS;

/** A new source (each worker owns its own and closes it). */
export async function openSource(db: Db): Promise<JobSource> {
  if (jobBackend(db) === 'table') return tableSource(db, staleMs());
  return pgBossSource(urlOf(db));
}

const shared = globalThis as unknown as { __magnetAnnouncers?: Map<string, Promise<JobSource>> };

/** Closes the pg-boss connections opened to announce runs (tests and CLI commands end with it). */
export async function closeAnnouncers() {
  const all = [...(shared.__magnetAnnouncers?.values() ?? [])];
  shared.__magnetAnnouncers?.clear();
  await Promise.all(all.map((p) => p.then((s) => s.close()).catch(() => undefined)));
}

/** Tells the workers about a run's queued jobs (pg-boss only; the table needs no telling). */
export async function announceRun(db: Db, runId: string, jobIds?: readonly string[]) {
  if (jobBackend(db) === 'table') return;
  const url = urlOf(db);
  const announcers = (shared.__magnetAnnouncers ??= new Map<string, Promise<JobSource>>());
  if (!announcers.has(url)) announcers.set(url, pgBossSource(url));
  const source = await announcers.get(url)!.catch((e) => {
    announcers.delete(url);
    throw e;
  });
  const ids =
    jobIds ?? (await db.job.findMany({ where: { runId, status: 'queued' }, select: { id: true } })).map((j) => j.id);
  await source.announce(runId, ids);
}
