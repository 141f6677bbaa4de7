// What the translation loop asks of a teacher, one method per step of Magnet's back-and-forth
// translation. The built-in template teacher (template-teacher.ts) answers without a network;
// LLM teachers (lib/teachers) answer through a provider. Requests carry everything a model needs;
// a teacher may ignore what it does not use.
import type { CallIssue } from './check-call';
import type { CallPlan, ConversationMessage, ToolCallRecord } from './types';

export interface QueryRequest {
  /** Index of the conversation turn. */
  turn: number;
  /** The calls this turn's message asks for (nested ones are not to be named). */
  calls: CallPlan[];
  /** miss_param: leave this argument's value out of the message. */
  omit?: { call: number; param: string };
  /** The conversation so far. */
  history: readonly ConversationMessage[];
  /** Earlier user messages, which a new one must not repeat. */
  previousQueries: readonly string[];
  seed: string;
}

export interface CallsRequest {
  turn: number;
  query: string;
  /** The plan the path calls for (an LLM teacher sees the tools and the conversation, not this). */
  calls: CallPlan[];
  tools: readonly { name: string; description: string; parameters: Record<string, unknown> }[];
  history: readonly ConversationMessage[];
  /** On a repair attempt: what was wrong with the last answer. */
  issues?: readonly CallIssue[];
  seed: string;
}

export interface AnswerRequest {
  turn: number;
  query: string;
  calls: readonly ToolCallRecord[];
  history: readonly ConversationMessage[];
  seed: string;
}

export interface MissingRequest {
  turn: number;
  query: string;
  /** miss_param: the parameter the user left out, of this function. */
  param?: string;
  function: { name: string; description: string };
  history: readonly ConversationMessage[];
  seed: string;
}

/** A value supplied after the assistant asked for it (the turn after a miss_param turn). */
export interface SupplyRequest {
  turn: number;
  param: string;
  value: unknown;
  history: readonly ConversationMessage[];
  seed: string;
}

/**
 * Context distillation (DESIGN.md step 5): the teacher writes the assistant's side of a turn, its
 * reasoning and calls, with reference calls in context as hints it must not mention. Positive
 * hints are the right calls; negative hints are deliberately wrong ones (for the rejected side of
 * a preference pair), made as if they were right.
 */
export interface HintedTurnRequest {
  turn: number;
  query: string;
  tools: readonly { name: string; description: string; parameters: Record<string, unknown> }[];
  history: readonly ConversationMessage[];
  hints: {
    kind: 'positive' | 'negative';
    calls: readonly { name: string; arguments: unknown }[];
    /** For negative hints: the kind of mistake they make (e.g. "long dependency ignored"). */
    error?: string;
  };
  seed: string;
}

export interface HintedTurn {
  /** The assistant's reasoning before its calls (never mentions the hints). */
  reasoning: string;
  calls: { name: string; arguments: unknown }[];
}

export interface TranslationTeacher {
  name: string;
  /** Back-translation: the user's message for a turn. */
  writeQuery(req: QueryRequest): Promise<string>;
  /** Forth-translation: the calls for a message. */
  writeCalls(req: CallsRequest): Promise<{ name: string; arguments: unknown }[]>;
  /** The assistant's answer once the outputs are in. */
  writeAnswer(req: AnswerRequest): Promise<string>;
  /** miss_param: the assistant asks for the missing value. miss_func: it says it cannot do it. */
  writeMissing(req: MissingRequest): Promise<string>;
  /** The user's reply that gives the value asked for. */
  writeSupply(req: SupplyRequest): Promise<string>;
  /** Distillation: reasoning and calls for a turn, guided by hints it does not mention. */
  writeHintedTurn(req: HintedTurnRequest): Promise<HintedTurn>;
}
