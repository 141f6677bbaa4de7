'use client';

// How runs produce this function's outputs: made up from the returns schema, written by the run's
// teacher, or asked of an HTTP endpoint. Saved on its own, apart from the function's edit form.
import Link from 'next/link';
import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckIcon, KeyRoundIcon, PlusIcon, TriangleAlertIcon, Undo2Icon, XIcon } from 'lucide-react';

import { getExecutorSettings } from '@/components/settings/executors-panel';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/client/api';
import { allowlistMatch, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, type ExecutorKind } from '@/lib/executors/spec';
import type { ExecutorView } from '@/lib/server/runs/executor-settings';
import { cn } from '@/lib/ui/cn';
import { FormError } from '@/components/ui/form-error';

type Method = 'POST' | 'GET';

/** What the PUT takes: header values are sent, never read back. */
type ExecutorBody =
  | { kind: 'schema' }
  | { kind: 'teacher' }
  | { kind: 'http'; url: string; method: Method; headers?: Record<string, string>; timeoutMs?: number };

const KINDS: { kind: ExecutorKind; label: string; hint: string }[] = [
  {
    kind: 'schema',
    label: 'Schema',
    hint: 'Made up from the returns schema, with no model and no network. The default.',
  },
  {
    kind: 'teacher',
    label: 'Teacher',
    hint: 'Written by the run’s LLM teacher and checked against the returns schema. Runs with the template teacher fail these calls.',
  },
  {
    kind: 'http',
    label: 'HTTP endpoint',
    hint: 'Your endpoint answers each call. Its host must be on the project’s allowlist.',
  },
];

interface HeaderRow {
  key: number;
  name: string;
  value: string;
  /** Loaded from the server: its value exists there but is never shown. */
  stored: boolean;
}

interface Form {
  kind: ExecutorKind;
  url: string;
  method: Method;
  timeoutSeconds: string;
  headers: HeaderRow[];
}

let rowKey = 0;

const fromView = (v: ExecutorView): Form =>
  v.kind === 'http'
    ? {
        kind: 'http',
        url: v.url,
        method: v.method,
        timeoutSeconds: v.timeoutMs != null ? String(v.timeoutMs / 1000) : '',
        headers: v.headers.map((name) => ({ key: rowKey++, name, value: '', stored: true })),
      }
    : { kind: v.kind, url: '', method: 'POST', timeoutSeconds: '', headers: [] };

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function isHttpUrl(value: string): URL | null {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u : null;
  } catch {
    return null;
  }
}

/** The body to save, or the first thing to fix. */
function toBody(f: Form): { body: ExecutorBody } | { error: string } {
  if (f.kind !== 'http') return { body: { kind: f.kind } };
  if (!isHttpUrl(f.url.trim())) return { error: 'The URL must start with http:// or https:// and name a host.' };
  let timeoutMs: number | undefined;
  if (f.timeoutSeconds.trim() !== '') {
    timeoutMs = Math.round(Number(f.timeoutSeconds) * 1000);
    if (!(timeoutMs >= MIN_TIMEOUT_MS && timeoutMs <= MAX_TIMEOUT_MS))
      return { error: `The timeout must be between ${MIN_TIMEOUT_MS / 1000} and ${MAX_TIMEOUT_MS / 1000} seconds.` };
  }
  const headers: Record<string, string> = {};
  for (const h of f.headers) {
    const name = h.name.trim();
    if (!name && !h.value) continue;
    if (!HEADER_NAME.test(name)) return { error: `“${name || '(no name)'}” is not a valid header name.` };
    if (!h.value)
      return {
        error: h.stored
          ? `Type the value of ${name} again (values are never shown), or remove the header.`
          : `Give ${name} a value, or remove the header.`,
      };
    headers[name] = h.value;
  }
  return {
    body: {
      kind: 'http',
      url: f.url.trim(),
      method: f.method,
      ...(Object.keys(headers).length > 0 && { headers }),
      ...(timeoutMs !== undefined && { timeoutMs }),
    },
  };
}

/** Whether the form says something other than what is saved (a typed header value always does). */
function changed(f: Form, v: ExecutorView): boolean {
  if (f.kind !== v.kind) return true;
  if (v.kind !== 'http') return false;
  const names = f.headers.map((h) => h.name.trim()).filter(Boolean);
  return (
    f.url.trim() !== v.url ||
    f.method !== v.method ||
    f.timeoutSeconds.trim() !== (v.timeoutMs != null ? String(v.timeoutMs / 1000) : '') ||
    names.join('\n') !== v.headers.join('\n') ||
    f.headers.some((h) => h.value !== '')
  );
}

function describe(v: ExecutorView): string {
  if (v.kind === 'schema') return 'Schema (default)';
  if (v.kind === 'teacher') return 'Teacher';
  return `HTTP ${v.method}`;
}

export function FunctionExecutor({ projectId, functionId }: { projectId: string; functionId: string }) {
  const url = `/api/projects/${encodeURIComponent(projectId)}/functions/${encodeURIComponent(functionId)}/executor`;
  const key = ['function-executor', projectId, functionId];
  const executor = useQuery({ queryKey: key, queryFn: () => api<{ executor: ExecutorView }>(url) });
  return (
    <section
      aria-labelledby="function-executor-heading"
      className="rounded-xl border bg-card p-5 shadow-xs"
      data-testid="function-executor"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id="function-executor-heading" className="text-sm font-semibold tracking-tight">
          Executor in runs
        </h2>
        {executor.data && (
          <Badge variant="secondary" data-testid="executor-current">
            {describe(executor.data.executor)}
          </Badge>
        )}
      </div>
      <p className="mt-1 text-sm text-muted-foreground">What gives this function’s calls their output in a run.</p>
      {executor.isError ? (
        <p role="alert" className="mt-4 text-sm text-destructive">
          Could not load the executor: {executor.error.message}
        </p>
      ) : executor.isPending ? (
        <p className="mt-4 text-sm text-muted-foreground">Loading…</p>
      ) : (
        <ExecutorForm projectId={projectId} url={url} queryKey={key} view={executor.data.executor} />
      )}
    </section>
  );
}

function ExecutorForm({
  projectId,
  url,
  queryKey,
  view,
}: {
  projectId: string;
  url: string;
  queryKey: string[];
  view: ExecutorView;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [base, setBase] = useState(view);
  const [form, setForm] = useState(() => fromView(view));
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = changed(form, base);
  // A newer executor from the server (a refetch) replaces the form unless it holds edits.
  if (view !== base) {
    setBase(view);
    if (!dirty) setForm(fromView(view));
  }
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setProblem(null);
  };
  const setHeader = (key: number, patch: Partial<HeaderRow>) =>
    set(
      'headers',
      form.headers.map((h) => (h.key === key ? { ...h, ...patch } : h)),
    );

  // The allowlist is only read, to warn before a run refuses the calls.
  const settings = useQuery({ queryKey: ['executors', projectId], queryFn: () => getExecutorSettings(projectId) });
  const target = form.kind === 'http' ? isHttpUrl(form.url.trim()) : null;
  const refused = target && settings.data && !allowlistMatch(target, settings.data.settings.allowlist);
  const storedHeaders = base.kind === 'http' ? base.headers : [];

  const save = useMutation({
    mutationFn: (body: ExecutorBody) => api<{ executor: ExecutorView }>(url, { method: 'PUT', json: body }),
    onSuccess: ({ executor: saved }) => {
      setBase(saved);
      setForm(fromView(saved));
      queryClient.setQueryData(queryKey, { executor: saved });
      toast({ title: `Executor set: ${describe(saved)}`, variant: 'success' });
    },
  });
  const submit = () => {
    const r = toBody(form);
    if ('error' in r) setProblem(r.error);
    else save.mutate(r.body);
  };
  const discard = () => {
    setForm(fromView(base));
    setProblem(null);
    save.reset();
  };

  return (
    <form
      noValidate
      autoComplete="off"
      className="mt-4 grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="grid gap-2">
        <legend className="sr-only">How runs execute this function’s calls</legend>
        {KINDS.map((k) => (
          <label
            key={k.kind}
            className={cn(
              'flex cursor-pointer gap-3 rounded-lg border px-3 py-2.5 text-sm transition-colors hover:bg-accent/40',
              'has-[:checked]:border-primary/50 has-[:checked]:bg-primary/5',
              'has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50',
            )}
          >
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.kind}
              checked={form.kind === k.kind}
              onChange={() => set('kind', k.kind)}
              className="mt-0.5 accent-primary outline-none"
            />
            <span className="grid gap-0.5">
              <span className="font-medium">{k.label}</span>
              <span className="text-xs leading-relaxed text-muted-foreground">{k.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {form.kind === 'http' && (
        <div className="grid gap-4 rounded-lg border bg-muted/30 p-3">
          <div className="grid gap-2">
            <Label htmlFor={`${id}-url`}>URL</Label>
            <Input
              id={`${id}-url`}
              value={form.url}
              onChange={(e) => set('url', e.target.value)}
              placeholder="https://api.example.com/forecast"
              inputMode="url"
              spellCheck={false}
              className="bg-background font-mono"
            />
            {refused && (
              <p className="flex gap-1.5 text-xs leading-relaxed text-warning" role="status">
                <TriangleAlertIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                <span className="text-foreground/80">
                  {target.host} is not on the project’s allowlist: runs refuse these calls until an owner adds it in{' '}
                  <Link href={`/p/${projectId}/settings#executors`} className="underline underline-offset-4">
                    Settings
                  </Link>
                  .
                </span>
              </p>
            )}
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-2">
              <Label htmlFor={`${id}-method`}>Method</Label>
              <Select value={form.method} onValueChange={(v) => set('method', v as Method)}>
                <SelectTrigger id={`${id}-method`} className="w-full bg-background">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="POST">POST</SelectItem>
                  <SelectItem value="GET">GET</SelectItem>
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-2">
              <Label htmlFor={`${id}-timeout`}>Timeout (s)</Label>
              <Input
                id={`${id}-timeout`}
                type="number"
                min={MIN_TIMEOUT_MS / 1000}
                max={MAX_TIMEOUT_MS / 1000}
                step={0.1}
                value={form.timeoutSeconds}
                onChange={(e) => set('timeoutSeconds', e.target.value)}
                placeholder={settings.data ? `Project’s: ${settings.data.settings.timeoutMs / 1000}` : 'Project’s'}
                className="bg-background"
              />
            </div>
          </div>
          <p className="-mt-2 text-xs leading-relaxed text-muted-foreground">
            {form.method === 'POST' ? (
              <>
                POST sends <code className="font-mono text-foreground">{'{"name", "arguments"}'}</code> as JSON.
              </>
            ) : (
              'GET sends the arguments as query parameters.'
            )}{' '}
            A JSON answer is the output; any other text becomes{' '}
            <code className="font-mono text-foreground">{'{"text"}'}</code>.
          </p>

          <div className="grid gap-2">
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-medium" id={`${id}-headers`}>
                Headers
              </span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => set('headers', [...form.headers, { key: rowKey++, name: '', value: '', stored: false }])}
              >
                <PlusIcon aria-hidden="true" />
                Add header
              </Button>
            </div>
            {storedHeaders.length > 0 && (
              <p className="flex gap-1.5 text-xs leading-relaxed text-muted-foreground">
                <KeyRoundIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
                <span>
                  Header values are kept on the server and never shown. Setting the executor replaces it whole, so type
                  every header’s value again to change anything, or remove the header.
                </span>
              </p>
            )}
            {form.headers.length === 0 ? (
              <p className="text-xs text-muted-foreground">None. Add one for an API key, e.g. Authorization.</p>
            ) : (
              <ul className="grid gap-2" aria-labelledby={`${id}-headers`}>
                {form.headers.map((h, i) => (
                  <li
                    key={h.key}
                    className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2"
                    data-testid="executor-header"
                  >
                    <Input
                      aria-label={`Header ${i + 1} name`}
                      value={h.name}
                      onChange={(e) => setHeader(h.key, { name: e.target.value })}
                      placeholder="Authorization"
                      spellCheck={false}
                      className="bg-background font-mono"
                    />
                    <Input
                      aria-label={`Header ${i + 1} value`}
                      type="password"
                      autoComplete="new-password"
                      value={h.value}
                      onChange={(e) => setHeader(h.key, { value: e.target.value })}
                      placeholder={h.stored ? 'Hidden: retype' : 'Value'}
                      className="bg-background font-mono"
                    />
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove header ${h.name || i + 1}`}
                      onClick={() =>
                        set(
                          'headers',
                          form.headers.filter((x) => x.key !== h.key),
                        )
                      }
                    >
                      <XIcon aria-hidden="true" />
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}

      {base.kind === 'http' && form.kind !== 'http' && storedHeaders.length > 0 && (
        <p className="text-xs text-muted-foreground">
          Setting another executor deletes the HTTP one and its stored headers.
        </p>
      )}
      {(problem || save.isError) && <FormError>{problem ?? save.error?.message}</FormError>}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={!dirty || save.isPending}>
          <CheckIcon aria-hidden="true" />
          {/* Not "Save": the page's Save button saves the function's fields, this only the executor. */}
          {save.isPending ? 'Setting…' : 'Set executor'}
        </Button>
        {dirty && (
          <Button type="button" variant="ghost" size="sm" onClick={discard}>
            <Undo2Icon aria-hidden="true" />
            Discard
          </Button>
        )}
      </div>
    </form>
  );
}
