// Translates one claimed job's path and writes the result exactly once: the trajectory, the
// job's end and the run's counters are one transaction, conditional on this worker still
// holding the job under `lock` (a worker that lost its lock, or a cancelled run, writes nothing).
import type { Db } from '@/lib/db/client';
import { translatePath, type Conversation } from '@/lib/magnet/translate';
import type { LlmExchangeRecord } from '@/lib/teachers';
import { pathSelect, toPathView, toSamplePath } from '../paths/path-row';
import { finishRunIfComplete, MAX_ATTEMPTS, type ClaimedJob } from './claim-job';
import type { RunContext } from './load-run-context';
import { writeTrajectory } from './write-trajectory';
import { errorMessage } from '@/lib/error-message';

export type JobOutcome = 'done' | 'failed' | 'lost' | 'abandoned' | 'retry';

class LostJob extends Error {}

/** Ends the job; with a conversation, writes its trajectory in the same transaction. */
async function commit(
  db: Db,
  ctx: RunContext,
  job: ClaimedJob,
  lock: string,
  end: { ok: boolean; error: string | null; conversation?: Conversation },
): Promise<JobOutcome> {
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, lockedBy: lock, status: 'running' },
        data: {
          status: end.ok ? 'done' : 'failed',
          error: end.error,
          finishedAt: new Date(),
          lockedBy: null,
          lockedAt: null,
        },
      });
      if (!count) throw new LostJob();
      // The run's row first: inserting rows that reference it takes a share lock on it, and two
      // workers holding that lock while waiting to update the row deadlock (PostgreSQL).
      await tx.run.update({
        where: { id: ctx.runId },
        data: end.ok ? { succeeded: { increment: 1 } } : { failed: { increment: 1 } },
      });
      if (end.conversation) {
        // A failed path translated again (retry) replaces its earlier, failed trajectory.
        await tx.trajectory.deleteMany({ where: { runId: ctx.runId, pathId: job.pathId } });
        await writeTrajectory(db, tx, {
          projectId: ctx.projectId,
          pathId: job.pathId,
          runId: ctx.runId,
          conversation: end.conversation,
        });
      }
    });
  } catch (e) {
    if (e instanceof LostJob) return 'lost';
    throw e;
  }
  await finishRunIfComplete(db, ctx.runId);
  return end.ok ? 'done' : 'failed';
}

export async function translateJob(
  db: Db,
  ctx: RunContext,
  job: ClaimedJob,
  lock: string,
  signal: AbortSignal,
): Promise<JobOutcome> {
  if (job.attempts > MAX_ATTEMPTS)
    return commit(db, ctx, job, lock, {
      ok: false,
      error: `not tried again: its worker stopped ${job.attempts - 1} times while translating this path`,
    });
  const row = job.pathId ? await db.path.findUnique({ where: { id: job.pathId }, select: pathSelect }) : null;
  if (!row) return commit(db, ctx, job, lock, { ok: false, error: 'the path was deleted before it was translated' });

  const onExchange = (r: LlmExchangeRecord) => ctx.exchanges.add(job.id, r);
  try {
    const path = toSamplePath(toPathView(row));
    const { teacher, executor } = ctx.forPath({ onExchange, signal });
    const conversation = await translatePath(path, ctx.graph, {
      teacher,
      executor,
      repairs: ctx.config.repairs,
      ...(ctx.config.seed && { seed: `${ctx.config.seed}:${path.seed}` }),
    });
    // The run's token counters include this path's before the path counts as ended.
    await ctx.exchanges.flush();
    if (signal.aborted) return 'abandoned';
    const failed = conversation.turns.find((t) => t.status === 'failed');
    return commit(db, ctx, job, lock, {
      ok: conversation.ok,
      error: failed ? `turn ${failed.index + 1}: ${failed.failure ?? 'failed'}` : null,
      conversation,
    });
  } catch (e) {
    await ctx.exchanges.flush();
    if (signal.aborted) return 'abandoned';
    // Not the teacher's fault (those end as failed turns): a database or programming error.
    console.error(`job ${job.id}: ${errorMessage(e)}${job.attempts < MAX_ATTEMPTS ? ' (queued again)' : ''}`);
    if (job.attempts < MAX_ATTEMPTS) {
      await db.job.updateMany({
        where: { id: job.id, lockedBy: lock, status: 'running' },
        data: { status: 'queued', lockedBy: null, lockedAt: null, error: errorMessage(e) },
      });
      return 'retry';
    }
    return commit(db, ctx, job, lock, { ok: false, error: errorMessage(e) });
  }
}
