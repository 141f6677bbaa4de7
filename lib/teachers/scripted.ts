// The deterministic test double: verdicts come from a script, no network, no tokens.
import type { JudgePair, JudgeVerdict } from '../magnet/graph/judge-types';
import { throwIfAborted } from './retry';
import type { JudgeResult, Teacher, TeacherCallOptions } from './types';

export type JudgeScript = (pair: JudgePair) => JudgeVerdict | Promise<JudgeVerdict>;

/**
 * A teacher whose verdicts come from `script`, one call per pair, in order. The verdict's key is
 * always the pair's; a script that throws gives that pair label `none` with `error` set.
 */
export function createScriptedTeacher(script: JudgeScript, opts: { name?: string; model?: string } = {}): Teacher {
  return {
    name: opts.name ?? 'scripted',
    model: opts.model ?? 'scripted',
    async judgeEdges(pairs: JudgePair[], callOptions: TeacherCallOptions = {}): Promise<JudgeResult> {
      const verdicts: JudgeVerdict[] = [];
      for (const pair of pairs) {
        throwIfAborted(callOptions.signal);
        try {
          verdicts.push({ ...(await script(pair)), key: pair.key });
        } catch (e) {
          const error = `script failed: ${e instanceof Error ? e.message : String(e)}`;
          verdicts.push({ key: pair.key, label: 'none', reason: error, error });
        }
      }
      return { verdicts, usage: { inputTokens: 0, outputTokens: 0 }, exchanges: [] };
    },
  };
}
