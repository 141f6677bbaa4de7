// Everything a worker needs to translate a run's paths, loaded once per run and process: the
// graph, how to make the run's teacher for one path, the executor, and the teacher's prices.
import type { Db } from '@/lib/db/client';
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
  type LlmExchangeRecord,
  type RateLimiter,
  type TeacherProvider,
} from '@/lib/teachers';
import { AppError } from '../errors';
import { loadPathGraph } from '../paths/load-path-graph';
import { loadPromptOverrides } from '../prompts/list-prompts';
import { teacherApiKey } from '../teachers/teacher-key';
import { createExchangeLog, type ExchangeLog } from './exchange-log';
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
  /** Where the run's LLM exchanges go (and the cache they make). */
  exchanges: ExchangeLog;
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

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The template teacher answers at once, so a run of it is one unbroken chain of promises that
 * would keep the studio from answering any request until the run ends: each of its answers
 * waits for the next turn of the event loop first.
 */
function yielding(teacher: TranslationTeacher): TranslationTeacher {
  return {
    name: teacher.name,
    writeQuery: async (req) => (await nextTask(), teacher.writeQuery(req)),
    writeCalls: async (req) => (await nextTask(), teacher.writeCalls(req)),
    writeAnswer: async (req) => (await nextTask(), teacher.writeAnswer(req)),
    writeMissing: async (req) => (await nextTask(), teacher.writeMissing(req)),
    writeSupply: async (req) => (await nextTask(), teacher.writeSupply(req)),
    writeHintedTurn: async (req) => (await nextTask(), teacher.writeHintedTurn(req)),
  };
}

/** `previous`: the run's context being replaced (its graph and exchange log carry over). */
export async function loadRunContext(db: Db, runId: string, previous?: RunContext): Promise<RunContext> {
  const run = await db.run.findUnique({ where: { id: runId }, include: { project: { select: { settings: true } } } });
  if (!run) throw new AppError('not_found', 'run not found');
  const config = run.config as unknown as RunConfig;
  // A run translates against the graph it first loaded; a reload only refreshes its settings.
  const [graph, executorRows, teacherRow, prompts] = await Promise.all([
    previous?.graph ?? loadPathGraph(db, run.projectId).then(prepareGraph),
    db.function.findMany({
      where: { projectId: run.projectId, NOT: { executor: { equals: null as never } } },
      select: { id: true, executor: true },
    }),
    config.teacherId ? db.teacher.findUnique({ where: { id: config.teacherId } }) : null,
    loadPromptOverrides(db, run.projectId, config.promptTemplates),
  ]);
  if (config.teacherId && !teacherRow)
    throw new AppError('invalid', `the teacher "${config.teacher}" was deleted after the run started`);

  const specs = new Map<string, ExecutorSpec>();
  for (const r of executorRows) if (isRecord(r.executor)) specs.set(r.id, r.executor as unknown as ExecutorSpec);
  const settings = parseExecutorSettings(isRecord(run.project.settings) ? run.project.settings.executors : undefined);

  const apiKey = teacherRow ? teacherApiKey(teacherRow) : undefined;
  const exchanges =
    previous?.exchanges ??
    createExchangeLog(db, {
      id: runId,
      teacher: config.teacher,
      prices: { input: teacherRow?.inputCostPerMTok ?? 0, output: teacherRow?.outputCostPerMTok ?? 0 },
    });
  const limiter = teacherRow
    ? limiterFor(teacherRow.id, teacherRow.requestsPerMinute, teacherRow.tokensPerMinute)
    : null;

  return {
    runId,
    projectId: run.projectId,
    config,
    graph,
    exchanges,
    forPath(hooks) {
      if (!teacherRow)
        return { teacher: yielding(createTemplateTeacher()), executor: createExecutor({ specs, settings }) };
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
        cache: exchanges.cache,
        prompts,
        onExchange: hooks.onExchange,
        signal: hooks.signal,
      });
      return {
        teacher,
        executor: createExecutor({
          specs,
          settings,
          simulate: (req) => teacher.simulateOutput({ ...req, history: [] }),
        }),
      };
    },
  };
}
