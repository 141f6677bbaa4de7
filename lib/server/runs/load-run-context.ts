// Everything a worker needs to translate a run's paths, loaded once per run and process: the
// graph, how to make the run's teacher for one path, the executor, and the teacher's prices.
import { providerOf, type Db } from '@/lib/db/client';
import { createExecutor, parseExecutorSettings, type ExecutorSpec } from '@/lib/executors';
import { isRecord } from '@/lib/magnet/functions/json';
import {
  createTemplateTeacher,
  prepareGraph,
  type Executor,
  type TranslationGraph,
  type TranslationTeacher,
} from '@/lib/magnet/translate';
import {
  createLlmTranslationTeacher,
  createRateLimiter,
  type ExchangeCache,
  type LlmExchangeRecord,
  type RateLimiter,
  type TeacherProvider,
} from '@/lib/teachers';
import { AppError } from '../errors';
import { loadPathGraph } from '../paths/load-path-graph';
import { loadPromptOverrides } from '../prompts/list-prompts';
import { unseal } from '../teachers/secret-box';
import type { RunConfig } from './schemas';

export interface PathTeacherHooks {
  onExchange: (record: LlmExchangeRecord) => void;
  signal: AbortSignal;
}

export interface RunContext {
  runId: string;
  projectId: string;
  config: RunConfig;
  graph: TranslationGraph;
  /** A teacher and executor for one path, whose exchanges go to `hooks.onExchange`. */
  forPath(hooks: PathTeacherHooks): { teacher: TranslationTeacher; executor: Executor };
  /** Micro-dollars per million tokens. */
  prices: { input: number; output: number };
}

// One limiter per teacher and process: every run of that teacher shares its rate limits.
const limiters = new Map<string, { key: string; limiter: RateLimiter }>();

function limiterFor(id: string, rpm: number | null, tpm: number | null): RateLimiter {
  const key = `${rpm}:${tpm}`;
  const held = limiters.get(id);
  if (held?.key === key) return held.limiter;
  const limiter = createRateLimiter({ requestsPerMinute: rpm ?? undefined, tokensPerMinute: tpm ?? undefined });
  limiters.set(id, { key, limiter });
  return limiter;
}

/**
 * Answers stored by earlier runs: the same request is never paid for twice. Lookups asked in the
 * same turn of the event loop go to the database as one query (a run at concurrency 32 asks
 * before every request; one query each cost more CPU than the rest of the request's bookkeeping).
 */
export function exchangeCache(db: Db): ExchangeCache {
  const pg = providerOf(db) === 'postgresql';
  let pending: Map<string, ((result: unknown) => void)[]> | null = null;

  async function lookup(hashes: string[]): Promise<Map<string, unknown>> {
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

  function flush() {
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
    get(requestHash) {
      return new Promise((resolve) => {
        if (!pending) {
          pending = new Map();
          setImmediate(flush);
        }
        const waiters = pending.get(requestHash);
        if (waiters) waiters.push(resolve);
        else pending.set(requestHash, [resolve]);
      });
    },
  };
}

export async function loadRunContext(db: Db, runId: string): Promise<RunContext> {
  const run = await db.run.findUnique({ where: { id: runId }, include: { project: { select: { settings: true } } } });
  if (!run) throw new AppError('not_found', 'run not found');
  const config = run.config as unknown as RunConfig;
  const [graph, executorRows, teacherRow, prompts] = await Promise.all([
    loadPathGraph(db, run.projectId),
    db.function.findMany({
      where: { projectId: run.projectId, NOT: { executor: { equals: null as never } } },
      select: { id: true, executor: true },
    }),
    config.teacherId ? db.teacher.findUnique({ where: { id: config.teacherId } }) : null,
    loadPromptOverrides(db, run.projectId),
  ]);
  if (config.teacherId && !teacherRow)
    throw new AppError('invalid', `the teacher "${config.teacher}" was deleted after the run started`);

  const specs = new Map<string, ExecutorSpec>();
  for (const r of executorRows) if (isRecord(r.executor)) specs.set(r.id, r.executor as unknown as ExecutorSpec);
  const settings = parseExecutorSettings(isRecord(run.project.settings) ? run.project.settings.executors : undefined);


  let apiKey: string | undefined;
  if (teacherRow?.apiKeyCipher) apiKey = unseal(teacherRow.apiKeyCipher);
  else if (teacherRow?.apiKeyEnv) {
    apiKey = process.env[teacherRow.apiKeyEnv];
    if (!apiKey)
      throw new AppError(
        'invalid',
        `the teacher "${teacherRow.name}" reads its API key from ${teacherRow.apiKeyEnv}, which is not set where this worker runs`,
      );
  }
  const cache = exchangeCache(db);
  const limiter = teacherRow ? limiterFor(teacherRow.id, teacherRow.requestsPerMinute, teacherRow.tokensPerMinute) : null;

  return {
    runId,
    projectId: run.projectId,
    config,
    graph: prepareGraph(graph),
    prices: { input: teacherRow?.inputCostPerMTok ?? 0, output: teacherRow?.outputCostPerMTok ?? 0 },
    forPath(hooks) {
      if (!teacherRow) {
        return { teacher: createTemplateTeacher(), executor: createExecutor({ specs, settings }) };
      }
      const teacher = createLlmTranslationTeacher({
        name: teacherRow.name,
        provider: teacherRow.provider as TeacherProvider,
        baseURL: teacherRow.baseURL ?? undefined,
        model: teacherRow.model,
        temperature: teacherRow.temperature,
        maxTokens: teacherRow.maxTokens ?? undefined,
        timeoutMs: teacherRow.timeoutMs,
        maxRetries: teacherRow.maxRetries,
        apiKey,
        limiter: limiter!,
        cache,
        prompts,
        onExchange: hooks.onExchange,
        signal: hooks.signal,
      });
      return {
        teacher,
        executor: createExecutor({ specs, settings, simulate: (req) => teacher.simulateOutput({ ...req, history: [] }) }),
      };
    },
  };
}
