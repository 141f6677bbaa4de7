import type { Prisma } from '@/lib/db/client';

/** What the studio shows of a teacher: everything but the key, and whether one is set. */
export interface TeacherView {
  id: string;
  name: string;
  provider: string;
  baseURL: string | null;
  model: string;
  temperature: number;
  maxTokens: number | null;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  inputCostPerMTok: number;
  outputCostPerMTok: number;
  apiKeyEnv: string | null;
  /** Where the key comes from: a stored (sealed) key, an environment variable that is set or missing, or none. */
  apiKey: 'stored' | 'env' | 'env_missing' | 'none';
  version: number;
  updatedAt: string;
}

export function toTeacherView(t: Prisma.TeacherGetPayload<object>): TeacherView {
  const { apiKeyCipher, projectId: _p, createdAt: _c, updatedAt, ...rest } = t;
  return {
    ...rest,
    apiKey: apiKeyCipher ? 'stored' : t.apiKeyEnv ? (process.env[t.apiKeyEnv] ? 'env' : 'env_missing') : 'none',
    updatedAt: updatedAt.toISOString(),
  };
}
