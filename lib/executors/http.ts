// The HTTP executor: a call's output is what the function's endpoint answers. Server-side only.
// The endpoint is the curator's, but the URL and any redirect are checked against the project's
// allowlist before each request, so a project cannot make the worker reach arbitrary hosts; a
// timeout and a size limit keep one slow or huge answer from stalling or flooding a run.
import type { Executor } from '../magnet/translate/translate-path';
import { redactText } from '../teachers/redact';
import {
  allowlistMatch,
  httpExecutorSpecSchema,
  parseExecutorSettings,
  type ExecutorSettingsInput,
  type HttpExecutorSpecInput,
} from './spec';

export interface HttpExecutorDeps {
  /** The fetch to use (the global one by default). */
  fetch?: typeof fetch;
}

export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How much of an error response is read for its excerpt. */
const ERROR_BODY_BYTES = 4096;
const EXCERPT_CHARS = 200;

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => ['string', 'number', 'boolean'].includes(typeof v);

/**
 * GET arguments as query parameters: scalars as text, arrays of scalars as repeated keys, other
 * values as JSON; null and undefined are left out.
 */
export function appendQuery(url: URL, args: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.every(isScalar)) for (const x of v) url.searchParams.append(k, String(x));
    else url.searchParams.append(k, isScalar(v) ? String(v) : JSON.stringify(v));
  }
}

/** Reads a body up to `limit` bytes, counting what arrives (content-length may be absent or lie). */
async function readLimited(res: Response, limit: number): Promise<{ bytes: Uint8Array; over: boolean }> {
  if (!res.body) return { bytes: new Uint8Array(0), over: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      over = true;
      // Not awaited: the rest of the body is dropped, whatever the server does next.
      reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, over };
}

function discard(res: Response): void {
  res.body?.cancel().catch(() => {});
}

function excerpt(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

/** The body as JSON when it parses, else as `{ text }`. */
function parseBody(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  if (text.trim() !== '') {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON: returned as text below.
    }
  }
  return { text };
}

/** What the HTTP executor reports itself; anything else thrown while reading is wrapped in one. */
export class HttpExecutorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpExecutorError';
  }
}

const messageOf = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is its cause.
  const cause = e.cause instanceof Error ? e.cause.message : '';
  return cause && cause !== e.message ? `${e.message} (${cause})` : e.message;
};

/**
 * An Executor calling one endpoint. POST sends `{ name, arguments }` as JSON; GET sends the
 * arguments as query parameters. The answer is parsed as JSON, or returned as `{ text }`.
 */
export function createHttpExecutor(
  spec: HttpExecutorSpecInput,
  settings: ExecutorSettingsInput,
  deps: HttpExecutorDeps = {},
): Executor {
  const parsed = httpExecutorSpecSchema.safeParse(spec);
  if (!parsed.success)
    throw new Error(
      `invalid HTTP executor: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`,
    );
  const s = parsed.data;
  const { allowlist, timeoutMs: projectTimeout, maxResponseBytes } = parseExecutorSettings(settings);
  const timeoutMs = s.timeoutMs ?? projectTimeout;
  const doFetch = deps.fetch ?? globalThis.fetch;
  const customHeaders = Object.entries(s.headers ?? {});
  // Header values may hold tokens: every message is scrubbed of them, whatever a server echoes.
  const secrets = customHeaders.map(([, v]) => v).filter((v) => v.trim() !== '');
  const origin = new URL(s.url).origin;

  return async (fn, args) => {
    const fail = (message: string) =>
      new HttpExecutorError(redactText(`HTTP executor of ${fn.name}: ${message}`, secrets));
    const refuse = (url: URL, how: string) =>
      fail(
        `${how} host "${url.host}", which is not on the project's executor allowlist; ` +
          `add "${url.host}" to the allowlist in the project's executor settings to allow it`,
      );

    let url = new URL(s.url);
    if (s.method === 'GET') appendQuery(url, args);
    if (!allowlistMatch(url, allowlist)) throw refuse(url, 'refused to call');

    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = (host: string) => fail(`${host} did not answer within ${timeoutMs} ms`);
    let method: 'GET' | 'POST' = s.method;
    let body: string | undefined = method === 'POST' ? JSON.stringify({ name: fn.name, arguments: args }) : undefined;

    for (let redirects = 0; ; redirects++) {
      const headers = new Headers({ accept: 'application/json, text/plain;q=0.9, */*;q=0.8' });
      if (body !== undefined) headers.set('content-type', 'application/json');
      // The function's headers go to its own origin only, not to wherever it redirects.
      if (url.origin === origin) for (const [k, v] of customHeaders) headers.set(k, v);

      let res: Response;
      try {
        res = await doFetch(url, { method, headers, body, redirect: 'manual', signal });
      } catch (e) {
        throw signal.aborted ? timedOut(url.host) : fail(`could not reach ${url.host}: ${messageOf(e)}`);
      }

      const location = res.headers.get('location');
      if (REDIRECT_STATUSES.has(res.status) && location !== null) {
        discard(res);
        if (redirects >= MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects (last from ${url.host})`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw fail(`${url.host} redirected to an invalid URL`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw fail(`${url.host} redirected to a ${next.protocol} URL; only http and https are followed`);
        if (!allowlistMatch(next, allowlist)) throw refuse(next, `${url.host} redirected to`);
        // As fetch does: 303 (and 301/302 after a POST) continue as a GET without a body.
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        url = next;
        continue;
      }

      try {
        if (!res.ok) {
          const { bytes } = await readLimited(res, Math.min(ERROR_BODY_BYTES, maxResponseBytes));
          const text = excerpt(bytes);
          const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
          throw fail(`${url.host} answered ${status}${text ? `: ${text}` : ''}`);
        }
        const declared = Number(res.headers.get('content-length') ?? NaN);
        const tooLarge = () => fail(`the response from ${url.host} is larger than ${maxResponseBytes} bytes`);
        if (declared > maxResponseBytes) {
          discard(res);
          throw tooLarge();
        }
        const { bytes, over } = await readLimited(res, maxResponseBytes);
        if (over) throw tooLarge();
        return parseBody(bytes);
      } catch (e) {
        if (e instanceof HttpExecutorError) throw e;
        if (signal.aborted) throw timedOut(url.host);
        throw fail(`could not read the response from ${url.host}: ${messageOf(e)}`);
      }
    }
  };
}
