import { PathOperationError, replayHistory, type PathOperation, type SamplePath } from '@/lib/magnet/paths';
import { AppError } from '../errors';

/**
 * The turns a history builds. The server never trusts turns sent to it: it rebuilds them from
 * the operations, so a stored path always equals the replay of its history.
 */
export function replayPath(history: readonly PathOperation[], seed: string, stopReason: string | null): SamplePath {
  try {
    const path = replayHistory(history, seed);
    return history.some((o) => o.op === 'walk') ? path : { ...path, stopReason };
  } catch (e) {
    if (e instanceof PathOperationError) {
      throw new AppError('invalid', `the history does not replay: ${e.message}`);
    }
    if (e instanceof Error && e.name === 'ZodError')
      throw new AppError('invalid', `the history is malformed: ${e.message}`);
    throw e;
  }
}
