// Errors a use case can raise, each with the HTTP status and CLI exit code it maps to.
import type { ZodError } from 'zod';

export type ErrorCode = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'too_large' | 'unauthenticated';

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A zod failure as an AppError naming each bad field. */
export function invalidInput(error: ZodError, what = 'request'): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new AppError('invalid', `invalid ${what}: ${summary}`, { issues });
}
