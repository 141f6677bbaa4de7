// The teacher that judges edges. Until teachers are configured in Settings (the teachers
// issue), it comes from the environment; the key never leaves the server.
import { createOpenAICompatibleTeacher } from '@/lib/teachers/openai-compatible';
import type { Teacher } from '@/lib/teachers/types';
import { AppError } from '../errors';

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
