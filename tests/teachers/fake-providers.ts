// Local HTTP servers that speak three model APIs well enough for the AI SDK's providers: OpenAI
// chat completions, Anthropic Messages and Gemini generateContent. A test scripts each answer
// with `behave(request) => Reply` (a message, tool calls, an error, a hung connection, a broken
// body); by default a server answers every translation operation sensibly by itself, which is
// also what the benchmark runs against (startFakeOpenAI({ latencyMs })).
import http from 'node:http';
import { PathRng } from '../../lib/magnet/paths/rng';
import { synthesizeValue } from '../../lib/magnet/translate/values';
import { listenLocal } from '../helpers/http';

export type FakeProtocol = 'openai' | 'anthropic' | 'google';

export interface FakeTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A request as the server saw it, with the parts every protocol has read out of its body. */
export interface FakeRequest {
  n: number;
  at: number;
  protocol: FakeProtocol;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body as sent. */
  body: Record<string, unknown>;
  model: string;
  system: string;
  /** The user message(s), joined. */
  prompt: string;
  /** Function tools offered (Anthropic's own `json` response tool is not one). */
  tools: FakeTool[];
  /** Structured output or JSON mode was asked for. */
  wantsJson: boolean;
}

export interface FakeCall {
  name: string;
  /** A string is sent as the raw arguments text (so it may be malformed JSON). */
  arguments: unknown;
}

export type Reply =
  /** The assistant's text, as is. */
  | { kind: 'text'; text: string }
  /** A message: `{"message": ...}` when JSON was asked for, the bare text otherwise. */
  | { kind: 'message'; message: string }
  /** Calls, with text beside them when `text` is set (OpenAI only). */
  | { kind: 'calls'; calls: FakeCall[]; text?: string }
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Never answers (the connection stays open until the client gives up or the server closes). */
  | { kind: 'hang' }
  /** Any body, e.g. one that is not JSON. */
  | { kind: 'raw'; status?: number; body: string }
  /** What the default behaviour would answer. */
  | { kind: 'sensible' };

/** The replies that are answers (what the sensible default gives). */
export type AnswerReply = Extract<Reply, { kind: 'text' | 'message' | 'calls' }>;

export type Behave = (req: FakeRequest) => Reply | Promise<Reply>;

export interface FakeServerOptions {
  behave?: Behave;
  /** Wait before every answer. */
  latencyMs?: number;
  /** Reported per answer. */
  usage?: { input: number; output: number };
  /**
   * The functions' real parameters by name, for the sensible answers: a provider may send a
   * simplified schema (Gemini's leaves out patterns and bounds, and says them in descriptions).
   */
  parameters?: ReadonlyMap<string, Record<string, unknown>>;
}

export interface FakeServer {
  protocol: FakeProtocol;
  /** What the AI SDK provider takes as baseURL. */
  baseURL: string;
  requests: FakeRequest[];
  /** Most requests in flight at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Text of a content field: a string, or parts with `text`. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : ''))
      .filter(Boolean)
      .join('\n');
  return '';
}

function readRequest(protocol: FakeProtocol, body: Record<string, unknown>, path: string) {
  const messages = Array.isArray(body.messages) ? (body.messages as Record<string, unknown>[]) : [];
  if (protocol === 'openai') {
    const tools = Array.isArray(body.tools) ? (body.tools as { function: Record<string, unknown> }[]) : [];
    return {
      model: String(body.model ?? ''),
      system: messages
        .filter((m) => m.role === 'system')
        .map((m) => textOf(m.content))
        .join('\n'),
      prompt: messages
        .filter((m) => m.role === 'user')
        .map((m) => textOf(m.content))
        .join('\n'),
      tools: tools.map((t) => ({
        name: String(t.function.name),
        description: String(t.function.description ?? ''),
        parameters: (t.function.parameters ?? {}) as Record<string, unknown>,
      })),
      wantsJson: isRecord(body.response_format) && body.response_format.type !== 'text',
    };
  }
  if (protocol === 'anthropic') {
    const tools = Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : [];
    const outputConfig = isRecord(body.output_config) ? body.output_config : {};
    return {
      model: String(body.model ?? ''),
      system: textOf(body.system),
      prompt: messages
        .filter((m) => m.role === 'user')
        .map((m) => textOf(m.content))
        .join('\n'),
      tools: tools
        .filter((t) => t.name !== 'json')
        .map((t) => ({
          name: String(t.name),
          description: String(t.description ?? ''),
          parameters: (t.input_schema ?? {}) as Record<string, unknown>,
        })),
      wantsJson: isRecord(outputConfig.format) || tools.some((t) => t.name === 'json'),
    };
  }
  const contents = Array.isArray(body.contents) ? (body.contents as Record<string, unknown>[]) : [];
  const decls = (Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : []).flatMap((t) =>
    Array.isArray(t.functionDeclarations) ? (t.functionDeclarations as Record<string, unknown>[]) : [],
  );
  const config = isRecord(body.generationConfig) ? body.generationConfig : {};
  return {
    model: decodeURIComponent(path.replace(/^.*\/models\//, '').replace(/:generateContent.*$/, '')),
    system: isRecord(body.systemInstruction) ? textOf(body.systemInstruction.parts) : '',
    prompt: contents
      .filter((c) => c.role === 'user')
      .map((c) => textOf(c.parts))
      .join('\n'),
    tools: decls.map((d) => ({
      name: String(d.name),
      description: String(d.description ?? ''),
      parameters: (d.parameters ?? d.parametersJsonSchema ?? {}) as Record<string, unknown>,
    })),
    wantsJson: config.responseMimeType === 'application/json',
  };
}

/** The functions a write_calls prompt names ("Call these functions now, in this order: a, b"). */
export function plannedCalls(prompt: string): string[] {
  const m = /Call these functions now, in this order: (.+)$/m.exec(prompt);
  return m
    ? m[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** Arguments with every required parameter, made up from the tool's schema. */
export function synthesizeArguments(tool: FakeTool, seed: string): Record<string, unknown> {
  const value = synthesizeValue('arguments', { type: 'object', ...tool.parameters }, new PathRng(seed));
  return isRecord(value) ? value : {};
}

/** The default answer: the planned calls (else the first tool), an output, or a message. */
export function sensibleReply(req: FakeRequest, parameters?: FakeServerOptions['parameters']): AnswerReply {
  if (req.tools.length) {
    const byName = new Map(req.tools.map((t) => [t.name, t]));
    const wanted = plannedCalls(req.prompt).filter((n) => byName.has(n));
    const tools = wanted.length ? wanted.map((n) => byName.get(n)!) : [req.tools[0]];
    return {
      kind: 'calls',
      calls: tools.map((t, i) => ({
        name: t.name,
        arguments: synthesizeArguments({ ...t, parameters: parameters?.get(t.name) ?? t.parameters }, `${req.n}:${i}`),
      })),
    };
  }
  const schema = /Its output \(JSON Schema\):\n([\s\S]*?)\n\nIt was called/.exec(req.prompt);
  if (schema) {
    let returns: unknown = {};
    try {
      returns = JSON.parse(schema[1]);
    } catch {
      // a made-up string then
    }
    return { kind: 'text', text: JSON.stringify(synthesizeValue('result', returns, new PathRng(`out:${req.n}`))) };
  }
  const user = /user's side/.test(req.system);
  const message = user
    ? `Could you take care of this for me? (request ${req.n})`
    : `All done: here is what I found for you (answer ${req.n}).`;
  return { kind: 'message', message };
}

/** The JSON body of a successful answer in the protocol's shape. */
function answerBody(req: FakeRequest, reply: AnswerReply, usage: { input: number; output: number }) {
  const text =
    reply.kind === 'text'
      ? reply.text
      : reply.kind === 'message'
        ? req.wantsJson
          ? JSON.stringify({ message: reply.message })
          : reply.message
        : (reply.text ?? '');
  const calls = reply.kind === 'calls' ? reply.calls : [];
  const rawArgs = (a: unknown) => (typeof a === 'string' ? a : JSON.stringify(a ?? {}));
  const objArgs = (a: unknown) => {
    if (typeof a !== 'string') return a ?? {};
    try {
      return JSON.parse(a);
    } catch {
      return a;
    }
  };
  if (req.protocol === 'openai')
    return {
      id: `chatcmpl-${req.n}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: req.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: calls.length ? text || null : text,
            ...(calls.length && {
              tool_calls: calls.map((c, i) => ({
                id: `call_${req.n}_${i}`,
                type: 'function',
                function: { name: c.name, arguments: rawArgs(c.arguments) },
              })),
            }),
          },
          finish_reason: calls.length ? 'tool_calls' : 'stop',
        },
      ],
      usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
    };
  if (req.protocol === 'anthropic') {
    // Without native structured output the provider asks for a `json` tool call instead of text.
    const jsonTool =
      Array.isArray(req.body.tools) && (req.body.tools as { name?: string }[]).some((t) => t.name === 'json');
    const parsed = jsonTool && !calls.length ? objArgs(text) : undefined;
    const content = calls.length
      ? calls.map((c, i) => ({
          type: 'tool_use',
          id: `toolu_${req.n}_${i}`,
          name: c.name,
          input: objArgs(c.arguments),
        }))
      : isRecord(parsed)
        ? [{ type: 'tool_use', id: `toolu_${req.n}_json`, name: 'json', input: parsed }]
        : [{ type: 'text', text }];
    return {
      id: `msg_${req.n}`,
      type: 'message',
      role: 'assistant',
      model: req.model,
      content,
      stop_reason: content[0].type === 'tool_use' ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output },
    };
  }
  return {
    candidates: [
      {
        content: {
          role: 'model',
          parts: calls.length
            ? calls.map((c) => ({ functionCall: { name: c.name, args: objArgs(c.arguments) } }))
            : [{ text }],
        },
        finishReason: 'STOP',
        index: 0,
      },
    ],
    usageMetadata: {
      promptTokenCount: usage.input,
      candidatesTokenCount: usage.output,
      totalTokenCount: usage.input + usage.output,
    },
    modelVersion: req.model,
  };
}

function errorBody(protocol: FakeProtocol, status: number, message: string) {
  if (protocol === 'openai') return { error: { message, type: 'test_error' } };
  if (protocol === 'anthropic')
    return { type: 'error', error: { type: status === 429 ? 'rate_limit_error' : 'api_error', message } };
  return {
    error: {
      code: status,
      message,
      status: status === 429 ? 'RESOURCE_EXHAUSTED' : status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT',
    },
  };
}

const ROUTES: Record<FakeProtocol, { prefix: string; match: RegExp }> = {
  openai: { prefix: '/v1', match: /^\/v1\/chat\/completions$/ },
  anthropic: { prefix: '/v1', match: /^\/v1\/messages$/ },
  google: { prefix: '/v1beta', match: /^\/v1beta\/models\/[^/]+:generateContent$/ },
};

export async function startFakeProvider(protocol: FakeProtocol, options: FakeServerOptions = {}): Promise<FakeServer> {
  const behave = options.behave ?? (() => ({ kind: 'sensible' }) as const);
  const usage = options.usage ?? { input: 100, output: 20 };
  const requests: FakeRequest[] = [];
  const state = { inFlight: 0, maxInFlight: 0 };
  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      res.on('close', () => state.inFlight--);
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'POST' || !ROUTES[protocol].match.test(path))
        return json(res, 404, errorBody(protocol, 404, 'not found'));
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return json(res, 400, errorBody(protocol, 400, 'the body is not JSON'));
      }
      const fr: FakeRequest = {
        n: requests.length + 1,
        at: Date.now(),
        protocol,
        path,
        headers: req.headers,
        body,
        ...readRequest(protocol, body, path),
      };
      requests.push(fr);
      const given = await behave(fr);
      const reply = given.kind === 'sensible' ? sensibleReply(fr, options.parameters) : given;
      if (reply.kind === 'hang') return;
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      if (res.destroyed) return;
      if (reply.kind === 'error')
        return json(
          res,
          reply.status,
          errorBody(protocol, reply.status, reply.message ?? `error ${reply.status}`),
          reply.headers,
        );
      if (reply.kind === 'raw')
        return res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.body);
      json(res, 200, answerBody(fr, reply, usage));
    });
  });
  const { port, close } = await listenLocal(server);
  return {
    protocol,
    baseURL: `http://127.0.0.1:${port}${ROUTES[protocol].prefix}`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close,
  };
}

export const startFakeOpenAI = (options: FakeServerOptions = {}) => startFakeProvider('openai', options);
export const startFakeAnthropic = (options: FakeServerOptions = {}) => startFakeProvider('anthropic', options);
export const startFakeGoogle = (options: FakeServerOptions = {}) => startFakeProvider('google', options);
