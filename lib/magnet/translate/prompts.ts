// The prompts LLM teachers (lib/teachers/translation-teacher.ts) send for each step of the
// translation loop, following the Magnet paper's rules: the user never names a function, gives
// every required value (but the one a miss_param turn leaves out), refers to earlier outputs
// indirectly and never repeats a message; at most three functions a turn; the assistant's
// answer sums up the outputs faithfully. Pure: no node imports, so the studio can show them.
//
// Each operation has a fixed system message (the role and the answer's format, which the
// teacher's parser relies on) and a template (the rules and the material) that a project may
// override. `{{var}}` placeholders are filled by renderPrompt; the *PromptVars builders below
// make the variables from the loop's requests.
import type { AnswerRequest, CallsRequest, HintedTurnRequest, MissingRequest, QueryRequest, SupplyRequest } from './teacher';
import type { CallPlan, ConversationMessage } from './types';

export const PROMPT_OPERATIONS = [
  'write_query',
  'write_calls',
  'write_answer',
  'write_missing',
  'write_supply',
  'simulate_output',
  'write_hinted_turn',
] as const;
export type PromptOperation = (typeof PROMPT_OPERATIONS)[number];

/** A project's own templates, by operation; the defaults fill the rest. */
export type PromptOverrides = Partial<Record<PromptOperation, string>>;

export interface RenderedPrompt {
  system: string;
  /** The user message: the template with its variables filled. */
  prompt: string;
  /** `write_query@1` for a default template, `write_query@custom:<hash>` for an override. */
  version: string;
}

const MESSAGE_FORMAT = 'Reply with a JSON object {"message": "<the message>"} and nothing else.';

export const PROMPT_SYSTEMS: Record<PromptOperation, string> = {
  write_query: `You write the user's side of a conversation with an AI assistant that uses tools, for training data. ${MESSAGE_FORMAT}`,
  write_calls:
    'You are an AI assistant with tools. Answer the user by calling the tools the instructions name. Do not reply with text.',
  write_answer: `You write the AI assistant's side of a conversation with a user, for training data. ${MESSAGE_FORMAT}`,
  write_missing: `You write the AI assistant's side of a conversation with a user, for training data. ${MESSAGE_FORMAT}`,
  write_supply: `You write the user's side of a conversation with an AI assistant that uses tools, for training data. ${MESSAGE_FORMAT}`,
  simulate_output:
    "You simulate a function of an API, for training data. Reply with the function's output as JSON and nothing else.",
  write_hinted_turn:
    'You are an AI assistant with tools. Think briefly in plain text about what to do, then call the tools. Never mention notes, hints or references you were given.',
};

export const PROMPT_TEMPLATES: Record<PromptOperation, string> = {
  write_query: `Write the user's next message in this conversation.

Conversation so far:
{{history}}

What the user wants now, in this order:
{{tasks}}

Earlier user messages:
{{previous_queries}}

Rules:
- Write as the user, in natural language. Never name a function, and never name a parameter the way code does.
- Ask for these tasks only (never more than three), in this order.
- Give every value listed, exactly as listed, except a value marked LEFT OUT: say nothing about that one.
- A value that comes from an earlier result is not spelled out: refer to it indirectly ("the booking you just made", "that order").
- Do not repeat or closely paraphrase an earlier user message.`,

  write_calls: `Conversation so far:
{{history}}

The user's request being handled: {{query}}

Call these functions now, in this order: {{functions}}

Rules:
- Call exactly those functions, once each, in that order, and write no text.
- Take every value from the conversation: what the user said, or an earlier function's result (use the exact value it returned, e.g. an id).
- Give every required parameter, with the type its schema asks for; leave out optional parameters nobody gave a value for.
{{issues}}`,

  write_answer: `Conversation so far:
{{history}}

The user asked: {{query}}

Results of the calls just made:
{{results}}

Write the assistant's answer to the user.

Rules:
- Sum up what the results say, faithfully: keep values (ids, amounts, dates, names) exactly as given, invent nothing, leave out nothing the user asked for.
- If a call failed, say so plainly.
- Do not name functions or mention JSON; speak to the user, in a few sentences.`,

  write_missing: `Conversation so far:
{{history}}

The user's latest message: {{query}}

{{situation}}

Write the assistant's reply.

Rules:
- Do not pretend to have done anything, and do not make up a value.
- If a value is missing, ask for exactly that value, briefly and politely.
- If the function needed is not available, say plainly that you cannot do that right now.`,

  write_supply: `Conversation so far:
{{history}}

The assistant has just asked the user for a value. Write the user's reply, which gives it: {{param}} = {{value}}

Rules:
- Give exactly this value, and ask for nothing new.
- Keep it short and natural; do not name the parameter the way code does.`,

  simulate_output: `You are the function {{function}}: {{description}}

Its parameters (JSON Schema):
{{parameters}}

Its output (JSON Schema):
{{returns}}

It was called with these arguments:
{{arguments}}

Conversation so far:
{{history}}

Write the output of this call.

Rules:
- Follow the output schema: every required field, with the right types.
- Be consistent with the arguments and the conversation (the same ids, names and amounts).
- Use realistic values, not placeholders like "string" or "example".`,

  write_hinted_turn: `Conversation so far:
{{history}}

The user's request being handled: {{query}}

{{guidance}}

Rules:
- First write one or two sentences of reasoning: what the user needs and which calls get it, in order.
- Then make exactly the calls above, in that order, with those arguments.
- Your reasoning is your own plan: never mention that calls were given to you.`,
};


/** Bumped whenever a default template or system message changes (cached answers then stop matching). */
export const PROMPT_VERSIONS: Record<PromptOperation, string> = {
  write_query: 'write_query@1',
  write_calls: 'write_calls@1',
  write_answer: 'write_answer@1',
  write_missing: 'write_missing@1',
  write_supply: 'write_supply@1',
  simulate_output: 'simulate_output@1',
  write_hinted_turn: 'write_hinted_turn@1',
};

/** FNV-1a, 32 bits, as 8 hex digits: a short deterministic tag for an override's text. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function promptVersion(operation: PromptOperation, overrides?: PromptOverrides): string {
  const custom = overrides?.[operation];
  return custom === undefined ? PROMPT_VERSIONS[operation] : `${operation}@custom:${shortHash(custom)}`;
}

/** Fills `{{var}}` placeholders (spaces allowed inside the braces); an unknown one becomes empty. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_m, name: string) => vars[name] ?? '');
}

export function renderPrompt(
  operation: PromptOperation,
  vars: Readonly<Record<string, string>>,
  overrides?: PromptOverrides,
): RenderedPrompt {
  const template = overrides?.[operation] ?? PROMPT_TEMPLATES[operation];
  return {
    system: PROMPT_SYSTEMS[operation],
    prompt: fillTemplate(template, vars).trim(),
    version: promptVersion(operation, overrides),
  };
}

// ---------------------------------------------------------------------------------------------
// Variables from the loop's requests.

const MAX_OUTPUT_CHARS = 2000;

const json = (v: unknown) => JSON.stringify(v) ?? 'null';
const clip = (text: string, max = MAX_OUTPUT_CHARS) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The conversation as a transcript. */
export function renderHistory(history: readonly ConversationMessage[]): string {
  if (!history.length) return '(the conversation has not started)';
  const lines: string[] = [];
  for (const m of history) {
    if (m.role === 'user') lines.push(`User: ${m.content}`);
    else if (m.role === 'tool') lines.push(`Result of ${m.name}: ${clip(m.content)}`);
    else {
      for (const c of m.toolCalls ?? []) lines.push(`Assistant called ${c.name}(${json(c.arguments)})`);
      if (m.content) lines.push(`Assistant: ${m.content}`);
    }
  }
  return lines.join('\n');
}

/** What one argument of a planned call is, as the user's message must treat it. */
function argumentLine(arg: CallPlan['args'][number], turn: number, omit?: string) {
  if (arg.param === omit) return `   - ${arg.param}: LEFT OUT (the user forgets to give it; do not mention it)`;
  const s = arg.source;
  if (s.from === 'user') return `   - ${arg.param}: ${json(arg.value)}`;
  if (s.turn === turn)
    return `   - ${arg.param}: the result of task ${s.call + 1} of this same message (refer to it as "it" or "that ${s.output.split(/[.[]/)[0].replace(/_/g, ' ')}")`;
  return `   - ${arg.param}: the ${s.output} from the earlier ${s.name} result (refer to it indirectly; do not spell the value out)`;
}

/** The tasks of a write_query prompt: the calls the user asks for (inserted nested calls are not). */
export function renderTasks(calls: readonly CallPlan[], turn: number, omit?: QueryRequest['omit']): string {
  const lines: string[] = [];
  let n = 0;
  calls.forEach((c, i) => {
    if (c.nested) return;
    n++;
    lines.push(`${n}. ${c.description.trim() || c.name} (function ${c.name}, which the user does not name)`);
    for (const a of c.args) lines.push(argumentLine(a, turn, omit?.call === i ? omit.param : undefined));
  });
  return lines.join('\n') || '(nothing)';
}

export function queryPromptVars(req: QueryRequest): Record<string, string> {
  return {
    history: renderHistory(req.history),
    tasks: renderTasks(req.calls, req.turn, req.omit),
    previous_queries: req.previousQueries.length ? req.previousQueries.map((q) => `- ${q}`).join('\n') : '(none)',
  };
}

/** `nameOf` gives a function's name as the model's tool list spells it. */
export function callsPromptVars(
  req: CallsRequest,
  nameOf: (name: string) => string = (n) => n,
): Record<string, string> {
  return {
    history: renderHistory(req.history),
    query: req.query,
    functions: req.calls.map((c) => nameOf(c.name)).join(', '),
    issues: req.issues?.length
      ? `\nYour last calls had these problems; call the functions again with them fixed:\n${req.issues.map((i) => `- ${i.message}`).join('\n')}`
      : '',
  };
}

export function answerPromptVars(req: AnswerRequest): Record<string, string> {
  return {
    history: renderHistory(req.history),
    query: req.query,
    results: req.calls.length
      ? req.calls
          .map(
            (c) =>
              `- ${c.name}(${json(c.arguments)}) → ${c.error ? `failed: ${c.error}` : clip(json(c.output), 4 * MAX_OUTPUT_CHARS)}`,
          )
          .join('\n')
      : '(no calls)',
  };
}

export function missingPromptVars(req: MissingRequest): Record<string, string> {
  const fn = `${req.function.name} (${req.function.description.trim() || 'no description'})`;
  return {
    history: renderHistory(req.history),
    query: req.query,
    situation: req.param
      ? `To do this the assistant would call ${fn}, which needs "${req.param}", and the user has not given it.`
      : `The function this request needs, ${fn}, is not among the assistant's tools right now.`,
  };
}

export function supplyPromptVars(req: SupplyRequest): Record<string, string> {
  return { history: renderHistory(req.history), param: req.param, value: json(req.value) };
}

export interface SimulatePromptRequest {
  function: { name: string; description: string; parameters: unknown; returns: unknown };
  arguments: Record<string, unknown>;
  history: readonly ConversationMessage[];
}

export function simulatePromptVars(req: SimulatePromptRequest): Record<string, string> {
  return {
    function: req.function.name,
    description: req.function.description.trim() || '(no description)',
    parameters: JSON.stringify(req.function.parameters ?? {}, null, 2),
    returns: JSON.stringify(req.function.returns ?? {}, null, 2),
    arguments: json(req.arguments),
    history: renderHistory(req.history),
  };
}

/** The guidance of a hinted turn: the calls to make; for negatives, that they are wrong on purpose. */
export function hintedPromptVars(req: HintedTurnRequest, nameOf: (name: string) => string = (n) => n): Record<string, string> {
  const calls = req.hints.calls.map((c, i) => `${i + 1}. ${nameOf(c.name)}(${JSON.stringify(c.arguments ?? {})})`).join('\n');
  const guidance =
    req.hints.kind === 'positive'
      ? `Reference calls for this turn (make these, exactly):\n${calls}`
      : `Calls to make for this turn, exactly as written, although they are wrong on purpose (${req.hints.error ?? 'a contrastive mistake'}); reason as if they were right:\n${calls}`;
  return { history: renderHistory(req.history), query: req.query, guidance };
}
