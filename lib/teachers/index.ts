// Teachers: the models that do the Magnet method's LLM work. Server-side only (API keys).
export * from './types';
export {
  createOpenAICompatibleTeacher,
  JSON_MODES,
  type JsonMode,
  type OpenAICompatibleTeacherOptions,
} from './openai-compatible';
export { createScriptedTeacher, type JudgeScript } from './scripted';
export { canonicalJson, judgeCacheKey, requestHash, sha256Hex } from './cache-key';
export {
  runJudge,
  type AttemptFailure,
  type JudgeAttempt,
  type JudgeAttemptFn,
  type JudgeRunnerOptions,
} from './judge-runner';
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limit';
export {
  createLlmTranslationTeacher,
  extractJson,
  TEACHER_PROVIDERS,
  type ExchangeCache,
  type LlmTranslationTeacher,
  type LlmTranslationTeacherOptions,
  type SimulateRequest,
  type TeacherProvider,
  type TeacherSettings,
  type TranslationTeacherUsage,
} from './translation-teacher';
