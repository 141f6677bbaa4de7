// The vocabulary of the LLM edge judge (DESIGN.md, step 2): what a teacher is asked about a
// pair of functions and what it answers. Pure types, shared by the prompt (lib/magnet/graph),
// the teachers (lib/teachers, which re-exports them) and the server.
import type { JsonSchema } from '../functions/types';
import { EDGE_KINDS, type FieldMapping } from './types';

/** The judge's labels: the three edge kinds, or `none` (no edge). */
export const JUDGE_LABELS = [...EDGE_KINDS, 'none'] as const;
export type JudgeLabel = (typeof JUDGE_LABELS)[number];

/** One candidate edge A → B to judge. `key` is the caller's handle (e.g. `${fromId}>${toId}`); it is never sent. */
export interface JudgePair {
  key: string;
  from: { name: string; description: string; returns: JsonSchema | null };
  to: { name: string; description: string; parameters: JsonSchema };
}

/** The judge's answer for one pair. */
export interface JudgeVerdict {
  key: string;
  label: JudgeLabel;
  /** One line a curator can read. */
  reason: string;
  /** Which output field of A feeds which input parameter of B (full/partial only). */
  mapping?: FieldMapping[];
  /**
   * Set when the judge gave no usable answer for this pair (request failed or answer unusable).
   * The label is then `none` and the verdict is NOT a decision: do not cache it, do not read it
   * as "no edge"; ask again later.
   */
  error?: string;
}
