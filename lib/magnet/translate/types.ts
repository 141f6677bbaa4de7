// The Runs stage's vocabulary (DESIGN.md, Magnet step 4): a path translated into a conversation.
// Each path turn becomes one Turn: the user's message, the assistant's tool calls with their
// outputs, and the assistant's answer; miss_param and miss_func turns hold the user's message
// and the assistant's question or refusal. A turn that could not be translated is kept with why.
import type { PathTurnKind } from '../paths/types';

export interface ToolCallRecord {
  /** `call_<turn>_<index>`, unique in the conversation. */
  callId: string;
  functionId: string;
  name: string;
  arguments: Record<string, unknown>;
  /** The executor's output, or null when the call failed. */
  output: unknown;
  error?: string;
}

export type ConversationMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRecord[] }
  | { role: 'tool'; callId: string; name: string; content: string };

export interface ConversationTurn {
  index: number;
  kind: PathTurnKind;
  status: 'ok' | 'failed';
  /** Why the turn failed: what was wrong, where. */
  failure?: string;
  /** Names of the tools offered in this turn (a miss_func turn leaves the withheld one out). */
  tools: string[];
  messages: ConversationMessage[];
}

export interface Conversation {
  /** Every function the path uses, as OpenAI tools, in first-use order. */
  tools: { type: 'function'; function: { name: string; description: string; parameters: unknown } }[];
  turns: ConversationTurn[];
  /** True when every turn is ok. */
  ok: boolean;
}

/** Where a call's argument comes from. */
export type ArgumentSource =
  | { from: 'user'; value: unknown }
  /** An earlier call's output (`turn`, `call` in the conversation), at `output` (a field path). */
  | { from: 'output'; turn: number; call: number; output: string; name: string };

/** One argument the path's structure calls for, with its value and where the value comes from. */
export interface PlannedArgument {
  param: string;
  value: unknown;
  source: ArgumentSource;
}

/** What a teacher is told about one call of a turn. */
export interface CallPlan {
  functionId: string;
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /** Inserted call the user does not name (it consumes the previous call's output). */
  nested: boolean;
  /** Required parameters, and any an edge feeds, with their values and sources. */
  args: PlannedArgument[];
}
