// A local OpenAI-compatible chat completions server for provider tests (no model is reachable
// from the test machines). Each test scripts the answers; the server records every request.
import http from 'node:http';
import { listenLocal } from '../helpers/http';

export interface RecordedRequest {
  n: number;
  at: number;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: ChatBody;
}

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: unknown };
  temperature?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

/** A pair as the prompt numbered it. */
export interface PromptPair {
  n: number;
  from: string;
  to: string;
}

export type Reply = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

export interface TestServer {
  baseURL: string;
  requests: RecordedRequest[];
  /** Most requests in flight at the same time. */
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startServer(reply: Reply): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      const text = Buffer.concat(chunks).toString('utf8');
      const rec: RecordedRequest = {
        n: requests.length + 1,
        at: Date.now(),
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as ChatBody) : ({} as ChatBody),
      };
      requests.push(rec);
      if (req.method !== 'POST' || rec.path !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      await reply(rec, res);
    });
  });
  const { port, close } = await listenLocal(server);
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close,
  };
}

/** The pairs in a judge request, read back from the prompt. */
export function promptPairs(body: ChatBody): PromptPair[] {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/^## Pair (\d+)\nA: (\S+)[\s\S]*?^B: (\S+)$/gm)].map((m) => ({
    n: Number(m[1]),
    from: m[2],
    to: m[3],
  }));
}

export function userMessage(body: ChatBody): string {
  return body.messages.find((m) => m.role === 'user')?.content ?? '';
}

/** Answers like a chat completions endpoint, with `content` as the assistant's message. */
export function sendChat(
  res: http.ServerResponse,
  content: string,
  usage = { prompt_tokens: 100, completion_tokens: 20 },
) {
  const body = {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function sendError(
  res: http.ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(JSON.stringify({ error: { message, type: 'test_error' } }));
}
