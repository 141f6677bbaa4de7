// What runs a function's calls (its executor) and the project-level limits HTTP executors obey.
// Plain data validated with zod: stored with the project, edited in the UI, read by the worker.
import { z } from 'zod';

export const EXECUTOR_KINDS = ['schema', 'teacher', 'http'] as const;
export type ExecutorKind = (typeof EXECUTOR_KINDS)[number];

export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 120_000;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1_000_000;
/** A ceiling on the project setting, so one response cannot take the worker's memory. */
export const MAX_RESPONSE_BYTES_LIMIT = 50_000_000;

const timeoutMs = z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS);

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

// RFC 9110 token for names; values without control characters. Checked here because the Headers
// constructor's own errors quote the offending value, and header values may hold tokens.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[^\x00-\x08\x0a-\x1f\x7f]*$/;

export const httpExecutorSpecSchema = z.object({
  kind: z.literal('http'),
  url: z.string().trim().refine(isHttpUrl, 'must be an http:// or https:// URL'),
  method: z.enum(['POST', 'GET']).default('POST'),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, 'header names must be HTTP tokens'),
      z.string().regex(HEADER_VALUE, 'header values must not hold control characters'),
    )
    .optional(),
  /** Overrides the project's timeout for this function. */
  timeoutMs: timeoutMs.optional(),
});

export const executorSpecSchema = z.discriminatedUnion('kind', [
  /** Outputs synthesized from the returns schema (the default). */
  z.object({ kind: z.literal('schema') }),
  /** Outputs written by the run's teacher, validated against the returns schema. */
  z.object({ kind: z.literal('teacher') }),
  httpExecutorSpecSchema,
]);

export type ExecutorSpec = z.output<typeof executorSpecSchema>;
/** An ExecutorSpec before defaults (an http spec's method may be left out). */
export type ExecutorSpecInput = z.input<typeof executorSpecSchema>;
export type HttpExecutorSpec = z.output<typeof httpExecutorSpecSchema>;
export type HttpExecutorSpecInput = z.input<typeof httpExecutorSpecSchema>;

export const DEFAULT_EXECUTOR_SPEC: ExecutorSpec = { kind: 'schema' };

// A host name (labels), an IPv4 address, or a bracketed IPv6 address; `*.` allows any subdomain.
const HOST = String.raw`(?:\*\.)?[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*|\[[0-9a-f:.]+\]`;
const ALLOWLIST_ENTRY = new RegExp(`^(?:${HOST})(?::(\\d{1,5}))?$`);

function portOk(entry: string): boolean {
  const port = ALLOWLIST_ENTRY.exec(entry)?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

/** `host`, `host:port`, `*.example.com` (any subdomain, not the apex) or `[::1]:8080`; stored lower-case. */
export const allowlistEntrySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(ALLOWLIST_ENTRY, 'must be a host or host:port, such as api.example.com, *.example.com or 127.0.0.1:8080')
  .refine(portOk, 'the port must be between 1 and 65535');

export const executorSettingsSchema = z.object({
  /** Hosts HTTP executors may reach; empty refuses every HTTP executor. */
  allowlist: z.array(allowlistEntrySchema).default([]),
  timeoutMs: timeoutMs.default(DEFAULT_TIMEOUT_MS),
  maxResponseBytes: z.number().int().min(1).max(MAX_RESPONSE_BYTES_LIMIT).default(DEFAULT_MAX_RESPONSE_BYTES),
});

export type ExecutorSettings = z.output<typeof executorSettingsSchema>;
export type ExecutorSettingsInput = z.input<typeof executorSettingsSchema>;

function describe(error: z.ZodError, what: string): Error {
  // Issue messages only: zod does not quote the input, so a header value never reaches the message.
  const summary = error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return new Error(`invalid ${what}: ${summary}`);
}

/** Project executor settings with defaults applied (missing settings → all defaults). Throws on invalid input. */
export function parseExecutorSettings(input: unknown): ExecutorSettings {
  const r = executorSettingsSchema.safeParse(input ?? {});
  if (!r.success) throw describe(r.error, 'executor settings');
  return r.data;
}

/** A function's executor spec with defaults applied (missing → schema). Throws on invalid input. */
export function parseExecutorSpec(input: unknown): ExecutorSpec {
  const r = executorSpecSchema.safeParse(input ?? DEFAULT_EXECUTOR_SPEC);
  if (!r.success) throw describe(r.error, 'executor');
  return r.data;
}

/**
 * The allowlist entry that admits a URL, or undefined. Entries without a port admit any port;
 * `*.example.com` admits subdomains at any depth, not example.com itself.
 */
export function allowlistMatch(url: URL, allowlist: readonly string[]): string | undefined {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  // URL normalizes IPv4 to dotted quads and brackets IPv6; wildcards are for DNS names only.
  const isIp = host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
  return allowlist.find((raw) => {
    const m = /^(.*?)(?::(\d+))?$/.exec(raw.trim().toLowerCase());
    if (!m) return false;
    const [, entryHost, entryPort] = m;
    if (entryPort !== undefined && Number(entryPort) !== Number(port)) return false;
    if (entryHost.startsWith('*.')) {
      if (isIp) return false;
      const suffix = entryHost.slice(1);
      return host.endsWith(suffix) && host.length > suffix.length;
    }
    return host === entryHost;
  });
}
