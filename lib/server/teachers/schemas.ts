import { z } from 'zod';
import { TEACHER_PROVIDERS } from '@/lib/teachers/types';

// Only variables named like keys, and never the studio's own: whoever edits a teacher must not be
// able to send DATABASE_URL or MAGNET_SECRET_KEY to an endpoint of their choosing.
const envName = z
  .string()
  .trim()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name, e.g. OPENAI_API_KEY')
  .regex(/(_API_KEY|_KEY|_TOKEN)$/, "the variable's name must end in _API_KEY, _KEY or _TOKEN")
  .refine((n) => !n.startsWith('MAGNET_'), "the studio's own variables cannot be a teacher's key")
  .max(100);

/** A teacher as Settings edits it. `apiKey` is write-only: it is sealed and never read back. */
export const teacherInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((s) => s !== 'template', '"template" is the built-in teacher'),
    provider: z.enum(TEACHER_PROVIDERS),
    baseURL: z
      .string()
      .trim()
      .url('a URL such as http://127.0.0.1:8000/v1')
      .refine((u) => /^https?:\/\//.test(u), 'http or https')
      .nullish(),
    model: z.string().trim().min(1).max(200),
    temperature: z.number().min(0).max(2).optional().default(0.7),
    maxTokens: z.number().int().min(1).max(200_000).nullish(),
    timeoutMs: z.number().int().min(1000).max(600_000).optional().default(60_000),
    maxRetries: z.number().int().min(0).max(10).optional().default(3),
    concurrency: z.number().int().min(1).max(256).optional().default(8),
    requestsPerMinute: z.number().int().min(1).max(1_000_000).nullish(),
    tokensPerMinute: z.number().int().min(1).max(1_000_000_000).nullish(),
    inputCostPerMTok: z.number().int().min(0).max(1_000_000_000).optional().default(0),
    outputCostPerMTok: z.number().int().min(0).max(1_000_000_000).optional().default(0),
    apiKeyEnv: envName.nullish(),
    /** A new key to store (sealed); `null` removes the stored one; absent keeps it. */
    apiKey: z.string().min(1).max(1000).nullish(),
    /** For an update: the version read. */
    version: z.number().int().min(1).optional(),
  })
  .refine((t) => t.provider !== 'openai-compatible' || !!t.baseURL, {
    message: 'an OpenAI-compatible teacher needs a base URL',
    path: ['baseURL'],
  });
export type TeacherInput = z.input<typeof teacherInput>;
