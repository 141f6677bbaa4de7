// A run's LLM exchanges on their way to the database, and the cache they make. Records from all
// paths in flight are written together (one multi-row INSERT and one counter update every
// FLUSH_MS or FLUSH_AT records, or when a path ends), and the hashes of stored answers are kept in
// memory so that a request nobody asked before costs no query: at concurrency 32 a query per
// request, or a transaction per path, held the event loop long enough to slow every request
// (npm run bench -- runs-llm).
import { providerOf, type Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk-insert';
import { isRecord } from '@/lib/magnet/functions/json';
import type { ExchangeCache, LlmExchangeRecord } from '@/lib/teachers';
import { errorMessage } from '@/lib/error-message';

const FLUSH_MS = 250;
const FLUSH_AT = 200;

export interface ExchangeLog {
  add(jobId: string, record: LlmExchangeRecord): void;
  /** Writes what is buffered; resolves once it is stored (and the run's counters with it). */
  flush(): Promise<void>;
  cache: ExchangeCache;
}

export function createExchangeLog(
  db: Db,
  run: { id: string; teacher: string; prices: { input: number; output: number } },
): ExchangeLog {
  const pg = providerOf(db) === 'postgresql';
  let buffer: { jobId: string; record: LlmExchangeRecord }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();
  // Hashes of answers stored for this teacher (loaded once), plus those this process stores.
  let known: Promise<Set<string>> | null = null;
  const knownHashes = () =>
    (known ??= db
      .$queryRawUnsafe<{ requestHash: string }[]>(
        `SELECT DISTINCT "requestHash" FROM "LlmExchange" WHERE "teacher" = ${pg ? '$1' : '?'} AND "error" IS NULL AND "cached" = ${pg ? 'false' : '0'}`,
        run.teacher,
      )
      .then((rows) => new Set(rows.map((r) => r.requestHash)))
      .catch((e) => {
        // Asked again next time; meanwhile every lookup is a miss (the request is sent, not lost).
        known = null;
        throw e;
      }));

  async function write(batch: { jobId: string; record: LlmExchangeRecord }[]) {
    const records = batch.map((b) => b.record);
    const tokensIn = records.reduce((s, r) => s + r.tokensIn, 0);
    const tokensOut = records.reduce((s, r) => s + r.tokensOut, 0);
    const cacheHits = records.filter((r) => r.cached).length;
    const cost = Math.round((tokensIn * run.prices.input + tokensOut * run.prices.output) / 1e6);
    await db.$transaction(async (tx) => {
      // The run's row before rows that reference it (see translate-job.ts: a deadlock otherwise).
      await tx.run.update({
        where: { id: run.id },
        data: {
          requests: { increment: records.length - cacheHits },
          cacheHits: { increment: cacheHits },
          tokensIn: { increment: tokensIn },
          tokensOut: { increment: tokensOut },
          costMicros: { increment: cost },
        },
      });
      await bulkInsert(
        db,
        tx,
        {
          table: 'LlmExchange',
          columns: [
            'runId',
            'jobId',
            'teacher',
            'operation',
            'requestHash',
            'request',
            'response',
            'error',
            'tokensIn',
            'tokensOut',
            'latencyMs',
            'cached',
          ],
          json: ['request', 'response'],
          timestamps: 'createdAt',
        },
        batch.map(({ jobId, record: r }) => ({
          runId: run.id,
          jobId,
          teacher: run.teacher,
          operation: r.operation,
          requestHash: r.requestHash,
          request: r.request ?? {},
          // The parsed answer rides with the raw response: the cache hands it back.
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
    });
    const set = await knownHashes().catch(() => null);
    for (const r of records) if (!r.error && !r.cached && r.result !== undefined) set?.add(r.requestHash);
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    if (batch.length)
      chain = chain.then(() => write(batch)).catch((e) => console.error(`exchanges not stored: ${errorMessage(e)}`));
    return chain;
  }

  // Lookups waiting in the same turn of the event loop go to the database as one query.
  let pending: Map<string, ((result: unknown) => void)[]> | null = null;
  async function lookup(hashes: string[]) {
    const found = new Map<string, unknown>();
    for (let i = 0; i < hashes.length; i += 500) {
      const chunk = hashes.slice(i, i + 500);
      const slots = chunk.map((_, j) => (pg ? `$${j + 1}` : '?')).join(', ');
      const rows = await db.$queryRawUnsafe<{ requestHash: string; response: unknown }[]>(
        `SELECT "requestHash", "response" FROM "LlmExchange" WHERE "requestHash" IN (${slots}) AND "error" IS NULL AND "cached" = ${pg ? 'false' : '0'}`,
        ...chunk,
      );
      for (const r of rows) {
        if (found.has(r.requestHash)) continue;
        const response = typeof r.response === 'string' ? JSON.parse(r.response) : r.response;
        if (isRecord(response) && 'result' in response) found.set(r.requestHash, response.result);
      }
    }
    return found;
  }
  function lookupPending() {
    const batch = pending!;
    pending = null;
    lookup([...batch.keys()]).then(
      (found) => {
        for (const [hash, waiters] of batch) for (const w of waiters) w(found.get(hash));
      },
      // A failed lookup is a miss: the request is sent, never lost.
      () => {
        for (const waiters of batch.values()) for (const w of waiters) w(undefined);
      },
    );
  }

  return {
    add(jobId, record) {
      buffer.push({ jobId, record });
      if (buffer.length >= FLUSH_AT) void flush();
      else timer ??= setTimeout(() => void flush(), FLUSH_MS);
    },
    flush,
    cache: {
      async get(requestHash) {
        const hashes = await knownHashes().catch(() => null);
        if (!hashes?.has(requestHash)) return undefined;
        return new Promise((resolve) => {
          if (!pending) {
            pending = new Map();
            setImmediate(lookupPending);
          }
          const waiters = pending.get(requestHash);
          if (waiters) waiters.push(resolve);
          else pending.set(requestHash, [resolve]);
        });
      },
    },
  };
}
