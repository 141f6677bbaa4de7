// Tool executors against real local HTTP servers: the allowlist (before any request and on every
// redirect), timeouts, the size limit, error messages, the teacher executor's validation and the
// per-function dispatch.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createExecutor,
  createHttpExecutor,
  createTeacherExecutor,
  NO_SIMULATOR_MESSAGE,
  parseExecutorSettings,
  parseExecutorSpec,
  type ExecutorSpecInput,
  type SimulateRequest,
} from '../../lib/executors';
import type { GraphFunction } from '../../lib/magnet/graph/types';
import { schemaExecutor } from '../../lib/magnet/translate';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Server {
  host: string;
  origin: string;
  requests: Seen[];
}

const open: http.Server[] = [];

async function serve(handler: (req: Seen, res: http.ServerResponse) => void): Promise<Server> {
  const requests: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      handler(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, origin: `http://${host}`, requests };
}

afterEach(async () => {
  for (const s of open.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const fn = (over: Partial<GraphFunction> = {}): GraphFunction => ({
  id: 'f1',
  name: 'get_booking',
  description: 'Looks up a booking.',
  category: 'travel',
  parameters: { type: 'object', properties: { booking_id: { type: 'string' } }, required: ['booking_id'] },
  returns: {
    type: 'object',
    properties: { booking_id: { type: 'string' }, seats: { type: 'integer' } },
    required: ['booking_id', 'seats'],
  },
  ...over,
});
const ctx = { seed: 's', turn: 0, call: 0 };
const json = (res: http.ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

describe('executor settings and specs', () => {
  it('applies defaults and lower-cases allowlist entries', () => {
    expect(parseExecutorSettings(undefined)).toEqual({ allowlist: [], timeoutMs: 10_000, maxResponseBytes: 1_000_000 });
    expect(
      parseExecutorSettings({ allowlist: [' API.Example.com ', '*.Example.org:8443', '[::1]:80'] }).allowlist,
    ).toEqual(['api.example.com', '*.example.org:8443', '[::1]:80']);
    expect(parseExecutorSpec({ kind: 'http', url: 'https://api.example.com/x' })).toEqual({
      kind: 'http',
      url: 'https://api.example.com/x',
      method: 'POST',
    });
    expect(parseExecutorSpec(undefined)).toEqual({ kind: 'schema' });
  });

  it('refuses bad entries, URLs, timeouts and headers without quoting header values', () => {
    expect(() => parseExecutorSettings({ allowlist: ['http://example.com'] })).toThrow(/allowlist\.0: must be a host/);
    expect(() => parseExecutorSettings({ allowlist: ['example.com:70000'] })).toThrow(/port/);
    expect(() => parseExecutorSettings({ timeoutMs: 50 })).toThrow(/timeoutMs/);
    expect(() => parseExecutorSpec({ kind: 'http', url: 'ftp://example.com/' })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseExecutorSpec({ kind: 'http', url: 'https://x.test', timeoutMs: 200_000 })).toThrow(/timeoutMs/);
    expect(() =>
      parseExecutorSpec({ kind: 'http', url: 'https://x.test', headers: { 'x-key': 'sk-secret\r\nevil' } }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('sk-secret') }));
  });
});

describe('HTTP executor', () => {
  it('POSTs { name, arguments } as JSON to an allowlisted host and parses the JSON answer', async () => {
    const s = await serve((req, res) =>
      json(res, 200, { booking_id: JSON.parse(req.body).arguments.booking_id, seats: 2 }),
    );
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/run`, headers: { authorization: 'Bearer tok-123' } },
      { allowlist: ['127.0.0.1'] },
    );
    await expect(exec(fn(), { booking_id: 'B1' }, ctx)).resolves.toEqual({ booking_id: 'B1', seats: 2 });
    expect(s.requests).toHaveLength(1);
    const [r] = s.requests;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/run');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.authorization).toBe('Bearer tok-123');
    expect(JSON.parse(r.body)).toEqual({ name: 'get_booking', arguments: { booking_id: 'B1' } });
  });

  it('GETs with the arguments as query parameters (host:port entry)', async () => {
    const s = await serve((req, res) => json(res, 200, { query: req.url }));
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/find?v=1`, method: 'GET' },
      { allowlist: [s.host] },
    );
    const out = await exec(fn(), { booking_id: 'B 1', n: 3, tags: ['a', 'b'], filter: { x: 1 }, none: null }, ctx);
    const q = new URL((out as { query: string }).query, s.origin).searchParams;
    expect(s.requests[0].method).toBe('GET');
    expect(s.requests[0].body).toBe('');
    expect(q.get('v')).toBe('1');
    expect(q.get('booking_id')).toBe('B 1');
    expect(q.get('n')).toBe('3');
    expect(q.getAll('tags')).toEqual(['a', 'b']);
    expect(q.get('filter')).toBe('{"x":1}');
    expect(q.has('none')).toBe(false);
  });

  it('refuses a host that is not on the allowlist before any request', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const fetchSpy = vi.fn(fetch);
    for (const allowlist of [[], ['example.com'], ['127.0.0.1:1'], ['*.0.0.1']]) {
      const exec = createHttpExecutor({ kind: 'http', url: `${s.origin}/run` }, { allowlist }, { fetch: fetchSpy });
      await expect(exec(fn(), { booking_id: 'B1' }, ctx)).rejects.toThrow(
        `HTTP executor of get_booking: refused to call host "${s.host}", which is not on the project's executor allowlist; add "${s.host}" to the allowlist`,
      );
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(s.requests).toHaveLength(0);
  });

  it('matches wildcard entries on subdomains only', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('{}', { status: 200 });
    };
    const run = (url: string) =>
      createHttpExecutor({ kind: 'http', url }, { allowlist: ['*.example.com'] }, { fetch: fake })(fn(), {}, ctx);
    await expect(run('https://api.example.com/x')).resolves.toEqual({});
    await expect(run('https://a.b.example.com/x')).resolves.toEqual({});
    await expect(run('https://example.com/x')).rejects.toThrow(/not on the project's executor allowlist/);
    await expect(run('https://badexample.com/x')).rejects.toThrow(/not on the project's executor allowlist/);
    expect(calls).toEqual(['https://api.example.com/x', 'https://a.b.example.com/x']);
  });

  it('follows redirects to allowlisted hosts, without the headers on another origin', async () => {
    const b = await serve((_req, res) => json(res, 200, { from: 'b' }));
    const a = await serve((req, res) => {
      if (req.url === '/start') res.writeHead(307, { location: '/moved' }).end();
      else if (req.url === '/moved') res.writeHead(302, { location: `${b.origin}/final` }).end();
      else json(res, 404, {});
    });
    const exec = createHttpExecutor(
      { kind: 'http', url: `${a.origin}/start`, headers: { 'x-api-key': 'key-abc' } },
      { allowlist: ['127.0.0.1'] },
    );
    await expect(exec(fn(), { booking_id: 'B1' }, ctx)).resolves.toEqual({ from: 'b' });
    expect(a.requests.map((r) => [r.method, r.url, r.headers['x-api-key']])).toEqual([
      ['POST', '/start', 'key-abc'],
      ['POST', '/moved', 'key-abc'], // 307 keeps the method and body
    ]);
    expect(JSON.parse(a.requests[1].body)).toEqual({ name: 'get_booking', arguments: { booking_id: 'B1' } });
    // 302 after a POST continues as a GET; the key stays with its own origin.
    expect(b.requests.map((r) => [r.method, r.url, r.headers['x-api-key']])).toEqual([['GET', '/final', undefined]]);
  });

  it('refuses a redirect to a host that is not on the allowlist', async () => {
    const b = await serve((_req, res) => json(res, 200, { leaked: true }));
    const bPort = b.host.split(':')[1];
    const a = await serve((_req, res) => res.writeHead(302, { location: `http://localhost:${bPort}/steal` }).end());
    const exec = createHttpExecutor({ kind: 'http', url: `${a.origin}/run` }, { allowlist: ['127.0.0.1'] });
    await expect(exec(fn(), { booking_id: 'B1' }, ctx)).rejects.toThrow(
      `${a.host} redirected to host "localhost:${bPort}", which is not on the project's executor allowlist`,
    );
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(0);
  });

  it('follows at most 3 redirects', async () => {
    const s = await serve((req, res) => {
      const n = Number(req.url.slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    });
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/0`, method: 'GET' },
      { allowlist: ['127.0.0.1'] },
    );
    await expect(exec(fn(), {}, ctx)).rejects.toThrow('more than 3 redirects');
    expect(s.requests.map((r) => r.url)).toEqual(['/0', '/1', '/2', '/3']);
  });

  it('times out a slow server', async () => {
    const s = await serve((_req, res) => setTimeout(() => json(res, 200, { late: true }), 3000));
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/slow`, timeoutMs: 200 },
      { allowlist: ['127.0.0.1'], timeoutMs: 60_000 },
    );
    const started = Date.now();
    await expect(exec(fn(), {}, ctx)).rejects.toThrow(
      `HTTP executor of get_booking: ${s.host} did not answer within 200 ms`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a body that stalls after the headers (project timeout)', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/stall` },
      { allowlist: ['127.0.0.1'], timeoutMs: 300 },
    );
    await expect(exec(fn(), {}, ctx)).rejects.toThrow('did not answer within 300 ms');
  });

  it('refuses a streamed response larger than the limit (no content-length)', async () => {
    let written = 0;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no content-length
      const chunk = 'x'.repeat(1000);
      const timer = setInterval(() => {
        if (res.destroyed || written >= 100) {
          clearInterval(timer);
          res.end();
          return;
        }
        written++;
        res.write(chunk);
      }, 1);
    });
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/big` },
      { allowlist: ['127.0.0.1'], maxResponseBytes: 5000 },
    );
    await expect(exec(fn(), {}, ctx)).rejects.toThrow(`the response from ${s.host} is larger than 5000 bytes`);
    expect(written).toBeLessThan(100);
  });

  it('refuses a declared content-length over the limit without reading it', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '6000' });
      res.end('y'.repeat(6000));
    });
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/` },
      { allowlist: ['127.0.0.1'], maxResponseBytes: 5000 },
    );
    await expect(exec(fn(), {}, ctx)).rejects.toThrow('is larger than 5000 bytes');
  });

  it('returns non-JSON text as { text }', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('booking confirmed'));
    const exec = createHttpExecutor({ kind: 'http', url: `${s.origin}/` }, { allowlist: ['127.0.0.1'] });
    await expect(exec(fn(), {}, ctx)).resolves.toEqual({ text: 'booking confirmed' });
  });

  it('reports a 500 with its status and a short excerpt, never a header value', async () => {
    const s = await serve((req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`database exploded; you sent ${req.headers.authorization}\n` + 'z'.repeat(5000));
    });
    const exec = createHttpExecutor(
      { kind: 'http', url: `${s.origin}/`, headers: { authorization: 'Bearer sk-very-secret' } },
      { allowlist: ['127.0.0.1'] },
    );
    const err = await exec(fn(), {}, ctx).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(
      new RegExp(
        `^HTTP executor of get_booking: ${s.host} answered 500 Internal Server Error: database exploded; you sent \\[redacted\\] z+…$`,
      ),
    );
    expect(err?.message).not.toContain('sk-very-secret');
    expect(err!.message.length).toBeLessThan(400);
  });

  it('reports a host that cannot be reached', async () => {
    const s = await serve(() => {});
    const port = s.host.split(':')[1];
    await new Promise((resolve) => open.pop()!.close(resolve));
    const exec = createHttpExecutor({ kind: 'http', url: `http://127.0.0.1:${port}/` }, { allowlist: ['127.0.0.1'] });
    await expect(exec(fn(), {}, ctx)).rejects.toThrow(`could not reach 127.0.0.1:${port}`);
  });
});

describe('teacher executor', () => {
  const good = { booking_id: 'B1', seats: 2 };
  const bad = { booking_id: 'B1' };

  it('returns an output that fits the returns schema', async () => {
    const simulate = vi.fn(async (_req: SimulateRequest) => good);
    const exec = createTeacherExecutor(simulate);
    await expect(exec(fn(), { booking_id: 'B1' }, { seed: 'p', turn: 2, call: 1 })).resolves.toEqual(good);
    expect(simulate).toHaveBeenCalledTimes(1);
    expect(simulate.mock.calls[0][0]).toEqual({
      function: {
        name: 'get_booking',
        description: 'Looks up a booking.',
        parameters: fn().parameters,
        returns: fn().returns,
      },
      arguments: { booking_id: 'B1' },
      seed: 'p:simulate:2:1',
    });
  });

  it('asks once more when the output does not fit, telling why', async () => {
    const simulate = vi
      .fn<(req: SimulateRequest) => Promise<unknown>>()
      .mockResolvedValueOnce(bad)
      .mockResolvedValueOnce(good);
    const exec = createTeacherExecutor(simulate);
    await expect(exec(fn(), { booking_id: 'B1' }, ctx)).resolves.toEqual(good);
    expect(simulate).toHaveBeenCalledTimes(2);
    const retry = simulate.mock.calls[1][0];
    expect(retry.seed).not.toBe(simulate.mock.calls[0][0].seed);
    expect(retry.problem).toContain("must have required property 'seats'");
  });

  it('fails when the output does not fit twice', async () => {
    const simulate = vi.fn(async () => ({ booking_id: 'B1', seats: 'two' }));
    const exec = createTeacherExecutor(simulate);
    await expect(exec(fn(), { booking_id: 'B1' }, ctx)).rejects.toThrow(
      'output of get_booking does not fit its returns schema: /seats must be integer',
    );
    expect(simulate).toHaveBeenCalledTimes(2);
  });

  it('does not validate when the function has no returns schema', async () => {
    const simulate = vi.fn(async () => 'anything');
    for (const returns of [null, {}]) {
      await expect(createTeacherExecutor(simulate)(fn({ returns }), {}, ctx)).resolves.toBe('anything');
    }
    expect(simulate).toHaveBeenCalledTimes(2);
  });
});

describe('createExecutor', () => {
  it('dispatches each function to its executor (schema by default)', async () => {
    const s = await serve((req, res) => json(res, 200, { via: 'http', name: JSON.parse(req.body).name }));
    const specs = new Map<string, ExecutorSpecInput>([
      ['t', { kind: 'teacher' }],
      ['h', { kind: 'http', url: `${s.origin}/x` }],
      ['s', { kind: 'schema' }],
    ]);
    const simulate = vi.fn(async (req: SimulateRequest) => ({
      booking_id: String(req.arguments.booking_id),
      seats: 9,
    }));
    const exec = createExecutor({ specs, settings: { allowlist: ['127.0.0.1'] }, simulate });
    const args = { booking_id: 'B7' };

    await expect(exec(fn({ id: 't' }), args, ctx)).resolves.toEqual({ booking_id: 'B7', seats: 9 });
    await expect(exec(fn({ id: 'h', name: 'book' }), args, ctx)).resolves.toEqual({ via: 'http', name: 'book' });
    for (const id of ['s', 'unlisted'])
      expect(await exec(fn({ id }), args, ctx)).toEqual(await schemaExecutor(fn({ id }), args, ctx));
    expect(simulate).toHaveBeenCalledTimes(1);
    expect(s.requests).toHaveLength(1);
  });

  it('fails a teacher-executed call when the run has no teacher to simulate', async () => {
    const exec = createExecutor({ specs: new Map([['f1', { kind: 'teacher' }]]), settings: parseExecutorSettings({}) });
    await expect(exec(fn(), { booking_id: 'B1' }, ctx)).rejects.toThrow(NO_SIMULATOR_MESSAGE);
    expect(NO_SIMULATOR_MESSAGE).toBe(
      "no teacher can simulate outputs: choose an LLM teacher for this run or set the function's executor to schema",
    );
    // Functions with other executors still run.
    await expect(exec(fn({ id: 'other' }), { booking_id: 'B1' }, ctx)).resolves.toMatchObject({ booking_id: 'B1' });
  });
});
