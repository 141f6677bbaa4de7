'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Plus, Save, Undo2, X } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/client/api';
import {
  allowlistEntrySchema,
  MAX_RESPONSE_BYTES_LIMIT,
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  type ExecutorSettings,
} from '@/lib/executors/spec';
import { FormError } from '@/components/ui/form-error';

const url = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/executors`;
export const getExecutorSettings = (projectId: string) => api<{ settings: ExecutorSettings }>(url(projectId));
const putExecutorSettings = (projectId: string, settings: ExecutorSettings) =>
  api<{ settings: ExecutorSettings }>(url(projectId), { method: 'PUT', json: settings });

// Sizes are edited in decimal megabytes: the default (1,000,000 bytes) reads as a round 1.
const MB = 1_000_000;

interface Form {
  allowlist: string[];
  timeoutSeconds: string;
  maxMegabytes: string;
}

const fromSettings = (s: ExecutorSettings): Form => ({
  allowlist: s.allowlist,
  timeoutSeconds: String(s.timeoutMs / 1000),
  maxMegabytes: String(s.maxResponseBytes / MB),
});

const toSettings = (f: Form): ExecutorSettings => ({
  allowlist: f.allowlist,
  timeoutMs: Math.round(Number(f.timeoutSeconds) * 1000),
  maxResponseBytes: Math.round(Number(f.maxMegabytes) * MB),
});

const same = (a: ExecutorSettings, b: ExecutorSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One typed entry as an allowlist entry: a pasted URL is reduced to its host (and port), and the
 * rest is checked with the server's own rule so a mistake shows before saving.
 */
function parseEntry(raw: string): { entry: string } | { error: string } {
  let text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      text = new URL(text).host;
    } catch {
      // Left as typed: the rule below names the problem.
    }
  }
  const r = allowlistEntrySchema.safeParse(text);
  return r.success ? { entry: r.data } : { error: `“${text}” ${r.error.issues[0]?.message ?? 'is not a host'}` };
}

/** The hosts HTTP executors may call, and their timeout and response size limit. */
export function ExecutorsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const settings = useQuery({ queryKey: ['executors', projectId], queryFn: () => getExecutorSettings(projectId) });
  return (
    <section
      id="executors"
      className="bg-card scroll-mt-20 space-y-4 rounded-lg border p-5 lg:col-span-2"
      aria-labelledby="executors-heading"
    >
      <div className="space-y-1">
        <h2 id="executors-heading" className="font-medium">
          Executors
        </h2>
        <p className="text-muted-foreground text-sm">
          What produces a call’s output in a run is chosen per function, on its page in the{' '}
          <Link href={`/p/${projectId}/library`} className="text-foreground underline underline-offset-4">
            library
          </Link>
          : made up from its returns schema (the default), written by the run’s teacher, or asked of an HTTP endpoint.
          HTTP endpoints may only be on these hosts.
        </p>
      </div>
      {settings.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load the executor settings: {settings.error.message}
        </p>
      ) : settings.isPending ? (
        <p className="text-muted-foreground text-sm">Loading…</p>
      ) : (
        <ExecutorsForm projectId={projectId} canEdit={canEdit} settings={settings.data.settings} />
      )}
    </section>
  );
}

function ExecutorsForm({
  projectId,
  canEdit,
  settings,
}: {
  projectId: string;
  canEdit: boolean;
  settings: ExecutorSettings;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [base, setBase] = useState(settings);
  const [form, setForm] = useState(() => fromSettings(settings));
  const [hostDraft, setHostDraft] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);
  const edited = toSettings(form);
  const dirty = !same(edited, base) || hostDraft.trim() !== '';
  // Newer settings from the server (a refetch) replace the form unless it holds edits.
  if (!same(settings, base)) {
    setBase(settings);
    if (!dirty) setForm(fromSettings(settings));
  }

  const save = useMutation({
    mutationFn: (body: ExecutorSettings) => putExecutorSettings(projectId, body),
    onSuccess: ({ settings: saved }) => {
      setBase(saved);
      setForm(fromSettings(saved));
      queryClient.setQueryData(['executors', projectId], { settings: saved });
      toast({ title: 'Saved the executor settings', variant: 'success' });
    },
  });

  /**
   * Adds every entry typed or pasted (separated by commas or spaces), or none when one is wrong:
   * "not a host!" must not turn into the hosts "not" and "a".
   */
  const addHosts = (): string[] | null => {
    const parts = hostDraft.split(/[\s,]+/).filter(Boolean);
    if (!parts.length) return form.allowlist;
    const added: string[] = [];
    for (const part of parts) {
      const r = parseEntry(part);
      if ('error' in r) {
        setHostError(parts.length > 1 ? `${r.error}. Nothing was added.` : r.error);
        return null;
      }
      added.push(r.entry);
    }
    const allowlist = [...new Set([...form.allowlist, ...added])];
    setForm((f) => ({ ...f, allowlist }));
    setHostDraft('');
    setHostError(null);
    return allowlist;
  };

  const submit = () => {
    // A host still in the field is meant to be saved with the rest.
    const allowlist = addHosts();
    if (allowlist) save.mutate({ ...edited, allowlist });
  };
  const discard = () => {
    setForm(fromSettings(base));
    setHostDraft('');
    setHostError(null);
    save.reset();
  };

  const timeout = Number(form.timeoutSeconds);
  const timeoutError =
    form.timeoutSeconds.trim() === '' || !(timeout * 1000 >= MIN_TIMEOUT_MS && timeout * 1000 <= MAX_TIMEOUT_MS)
      ? `Between ${MIN_TIMEOUT_MS / 1000} and ${MAX_TIMEOUT_MS / 1000} seconds.`
      : null;
  const size = Number(form.maxMegabytes);
  const sizeError =
    form.maxMegabytes.trim() === '' || !(size * MB >= 1 && size * MB <= MAX_RESPONSE_BYTES_LIMIT)
      ? `Up to ${MAX_RESPONSE_BYTES_LIMIT / MB} MB.`
      : null;

  return (
    <form
      noValidate
      autoComplete="off"
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="space-y-2">
        <Label htmlFor={`${id}-host`}>Allowed hosts</Label>
        {form.allowlist.length === 0 ? (
          <p className="text-muted-foreground rounded-md border border-dashed px-3 py-3 text-sm">
            No host yet: every HTTP executor is refused. Functions with the schema or teacher executor are not affected.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-1.5" aria-label="Hosts on the allowlist">
            {form.allowlist.map((host) => (
              <li
                key={host}
                data-testid="allowlist-host"
                className="bg-secondary text-secondary-foreground inline-flex items-center gap-1 rounded-md border py-0.5 pr-0.5 pl-2 font-mono text-xs"
              >
                {host}
                <button
                  type="button"
                  className="text-muted-foreground hover:bg-background hover:text-foreground focus-visible:ring-ring/50 rounded-sm p-0.5 outline-none focus-visible:ring-2"
                  aria-label={`Remove ${host}`}
                  onClick={() => setForm((f) => ({ ...f, allowlist: f.allowlist.filter((h) => h !== host) }))}
                >
                  <X className="size-3" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex max-w-md gap-2">
          <Input
            id={`${id}-host`}
            value={hostDraft}
            onChange={(e) => {
              setHostDraft(e.target.value);
              setHostError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                // Enter adds the host; Save is a separate step.
                e.preventDefault();
                addHosts();
              }
            }}
            placeholder="api.example.com"
            className="font-mono"
            spellCheck={false}
            aria-invalid={hostError ? true : undefined}
            aria-describedby={`${id}-host-help`}
          />
          <Button type="button" variant="outline" onClick={addHosts} disabled={hostDraft.trim() === ''}>
            <Plus aria-hidden /> Add
          </Button>
        </div>
        <p id={`${id}-host-help`} className={hostError ? 'text-destructive text-xs' : 'text-muted-foreground text-xs'}>
          {hostError ??
            'A host (any port) or host:port, such as api.example.com, 127.0.0.1:8080 or *.example.com (its subdomains). Redirects are checked too.'}
        </p>
      </div>

      <div className="grid max-w-md grid-cols-2 gap-4">
        <div className="space-y-1">
          <Label htmlFor={`${id}-timeout`}>Timeout (s)</Label>
          <Input
            id={`${id}-timeout`}
            type="number"
            min={MIN_TIMEOUT_MS / 1000}
            max={MAX_TIMEOUT_MS / 1000}
            step={0.1}
            value={form.timeoutSeconds}
            onChange={(e) => setForm((f) => ({ ...f, timeoutSeconds: e.target.value }))}
            aria-invalid={timeoutError ? true : undefined}
          />
          <p className={timeoutError ? 'text-destructive text-xs' : 'text-muted-foreground text-xs'}>
            {timeoutError ?? 'Per call; a function may set its own.'}
          </p>
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-size`}>Max response (MB)</Label>
          <Input
            id={`${id}-size`}
            type="number"
            min={0.001}
            max={MAX_RESPONSE_BYTES_LIMIT / MB}
            step={0.1}
            value={form.maxMegabytes}
            onChange={(e) => setForm((f) => ({ ...f, maxMegabytes: e.target.value }))}
            aria-invalid={sizeError ? true : undefined}
          />
          <p className={sizeError ? 'text-destructive text-xs' : 'text-muted-foreground text-xs'}>
            {sizeError ?? 'A larger answer fails the call.'}
          </p>
        </div>
      </div>

      {save.isError && <FormError>{save.error.message}</FormError>}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={!dirty || save.isPending || !!timeoutError || !!sizeError}>
          <Save aria-hidden />
          {save.isPending ? 'Saving…' : 'Save executor settings'}
        </Button>
        {dirty && (
          <Button type="button" variant="ghost" onClick={discard}>
            <Undo2 aria-hidden /> Discard
          </Button>
        )}
        <span className="text-muted-foreground text-xs">
          {!canEdit ? 'Only the project’s owners can save these.' : dirty ? 'Unsaved changes' : ''}
        </span>
      </div>
    </form>
  );
}
