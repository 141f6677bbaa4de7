// Translates one claimed job's path and writes the result exactly once: the trajectory, the
// job's end and the run's counters are one transaction, conditional on this worker still
// holding the job (a worker that lost its lock, or a cancelled run, writes nothing).
import type { Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk-insert';
import { translatePath, type Conversation } from '@/lib/magnet/translate';
import type { LlmExchangeRecord } from '@/lib/teachers';
import { pathSelect, toPathView, toSamplePath } from '../paths/path-row';
import { finishRunIfComplete, MAX_ATTEMPTS, type ClaimedJob } from './claim-job';
import type { RunContext } from './load-run-context';
import { writeTrajectory } from './write-trajectory';

export type JobOutcome = 'done' | 'failed' | 'lost' | 'abandoned' | 'retry';

const FLUSH_AT = 20;

class LostJob extends Error {}

function messageOf(e: unknown) {
  return e instanceof Error ? e.message || e.name : String(e);
}

/** Stores a path's exchanges and adds their requests, tokens and cost to the run. */
async function flushExchanges(db: Db, ctx: RunContext, jobId: string, records: LlmExchangeRecord[]) {
  if (!records.length) return;
  const batch = records.splice(0, records.length);
  const tokensIn = batch.reduce((s, r) => s + r.tokensIn, 0);
  const tokensOut = batch.reduce((s, r) => s + r.tokensOut, 0);
  const cacheHits = batch.filter((r) => r.cached).length;
  const cost = Math.round((tokensIn * ctx.prices.input + tokensOut * ctx.prices.output) / 1e6);
  await db.$transaction(async (tx) => {
    // Raw multi-row INSERT: Prisma's createMany spent more time serializing these large request
    // bodies than the database spent storing them (npm run bench -- runs-llm).
    await bulkInsert(
      db,
      tx,
      {
        table: 'LlmExchange',
        columns: ['runId', 'jobId', 'teacher', 'operation', 'requestHash', 'request', 'response', 'error', 'tokensIn', 'tokensOut', 'latencyMs', 'cached'],
        json: ['request', 'response'],
        timestamps: 'createdAt',
      },
      batch.map((r) => ({
        runId: ctx.runId,
        jobId,
        teacher: ctx.config.teacher,
        operation: r.operation,
        requestHash: r.requestHash,
        request: r.request ?? {},
        // The parsed answer rides with the raw response: the cache hands it back (load-run-context).
        response:
          r.response === null && r.result === undefined
            ? null
            : { ...((r.response as object | null) ?? {}), ...(r.result !== undefined && { result: r.result }) },
        error: r.error ?? null,
        tokensIn: r.tokensIn,
        tokensOut: r.tokensOut,
        latencyMs: r.latencyMs,
        cached: r.cached ? 1 : 0,
      })),
    );
    await tx.run.update({
      where: { id: ctx.runId },
      data: {
        requests: { increment: batch.length - cacheHits },
        cacheHits: { increment: cacheHits },
        tokensIn: { increment: tokensIn },
        tokensOut: { increment: tokensOut },
        costMicros: { increment: cost },
      },
    });
  });
}

/** Ends the job; with a conversation, writes its trajectory in the same transaction. */
async function commit(
  db: Db,
  ctx: RunContext,
  job: ClaimedJob,
  workerId: string,
  end: { ok: boolean; error: string | null; conversation?: Conversation },
): Promise<JobOutcome> {
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, lockedBy: workerId, status: 'running' },
        data: {
          status: end.ok ? 'done' : 'failed',
          error: end.error,
          finishedAt: new Date(),
          lockedBy: null,
          lockedAt: null,
        },
      });
      if (!count) throw new LostJob();
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
      await tx.run.update({
        where: { id: ctx.runId },
        data: end.ok ? { succeeded: { increment: 1 } } : { failed: { increment: 1 } },
      });
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
  workerId: string,
  signal: AbortSignal,
): Promise<JobOutcome> {
  if (job.attempts > MAX_ATTEMPTS)
    return commit(db, ctx, job, workerId, {
      ok: false,
      error: `not tried again: its worker stopped ${job.attempts - 1} times while translating this path`,
    });
  const row = job.pathId ? await db.path.findUnique({ where: { id: job.pathId }, select: pathSelect }) : null;
  if (!row) return commit(db, ctx, job, workerId, { ok: false, error: 'the path was deleted before it was translated' });

  const exchanges: LlmExchangeRecord[] = [];
  let flushing: Promise<void> = Promise.resolve();
  const onExchange = (r: LlmExchangeRecord) => {
    exchanges.push(r);
    if (exchanges.length >= FLUSH_AT) flushing = flushing.then(() => flushExchanges(db, ctx, job.id, exchanges));
  };
  try {
    const path = toSamplePath(toPathView(row));
    const { teacher, executor } = ctx.forPath({ onExchange, signal });
    const conversation = await translatePath(path, ctx.graph, {
      teacher,
      executor,
      repairs: ctx.config.repairs,
      ...(ctx.config.seed && { seed: `${ctx.config.seed}:${path.seed}` }),
    });
    await flushing;
    await flushExchanges(db, ctx, job.id, exchanges);
    if (signal.aborted) return 'abandoned';
    const failed = conversation.turns.find((t) => t.status === 'failed');
    return commit(db, ctx, job, workerId, {
      ok: conversation.ok,
      error: failed ? `turn ${failed.index + 1}: ${failed.failure ?? 'failed'}` : null,
      conversation,
    });
  } catch (e) {
    await flushing.catch(() => undefined);
    await flushExchanges(db, ctx, job.id, exchanges).catch(() => undefined);
    if (signal.aborted) return 'abandoned';
    // Not the teacher's fault (those end as failed turns): a database or programming error.
    if (job.attempts < MAX_ATTEMPTS) {
      await db.job.updateMany({
        where: { id: job.id, lockedBy: workerId, status: 'running' },
        data: { status: 'queued', lockedBy: null, lockedAt: null, error: messageOf(e) },
      });
      return 'retry';
    }
    return commit(db, ctx, job, workerId, { ok: false, error: messageOf(e) });
  }
}
