// The teacher that judges edges: one of the project's teachers from Settings, or one named by
// MAGNET_JUDGE_* environment variables. The key never leaves the server.
import { createOpenAICompatibleTeacher } from '@/lib/teachers/openai-compatible';
import type { Teacher } from '@/lib/teachers/types';
import type { Db } from '@/lib/db/client';
import { AppError } from '../errors';
import { teacherApiKey } from '../teachers/teacher-key';

export function teacherFromEnv(env: Record<string, string | undefined> = process.env): Teacher {
  const baseURL = env.MAGNET_JUDGE_BASE_URL;
  const model = env.MAGNET_JUDGE_MODEL;
  if (!baseURL || !model) {
    throw new AppError(
      'invalid',
      'No LLM judge is configured: set MAGNET_JUDGE_BASE_URL (an OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1) and MAGNET_JUDGE_MODEL, and MAGNET_JUDGE_API_KEY if it needs one. The heuristic needs nothing.',
    );
  }
  return createOpenAICompatibleTeacher({
    name: 'judge',
    baseURL,
    model,
    apiKey: env.MAGNET_JUDGE_API_KEY,
    concurrency: env.MAGNET_JUDGE_CONCURRENCY ? Number(env.MAGNET_JUDGE_CONCURRENCY) : undefined,
  });
}

/** A project's teacher as the edge judge (the judge speaks the OpenAI-compatible protocol). */
export async function judgeTeacherFor(db: Db, projectId: string, name: string): Promise<Teacher> {
  const row = await db.teacher.findFirst({ where: { projectId, name } });
  if (!row) throw new AppError('invalid', `no teacher named "${name}": add it in Settings`);
  if (row.provider !== 'openai-compatible' || !row.baseURL)
    throw new AppError(
      'invalid',
      `the edge judge speaks the OpenAI-compatible protocol; "${name}" is ${row.provider} (Gemini and Anthropic both offer an OpenAI-compatible endpoint to use instead)`,
    );
  return createOpenAICompatibleTeacher({
    name: row.name,
    baseURL: row.baseURL,
    model: row.model,
    apiKey: teacherApiKey(row),
    temperature: 0,
    maxTokens: row.maxTokens ?? undefined,
    concurrency: row.concurrency,
    maxRetries: row.maxRetries,
    timeoutMs: row.timeoutMs,
  });
}
