'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import {
  createTeacher,
  deleteTeacher,
  keySource,
  listTeachers,
  updateTeacher,
  type TeacherInput,
  type TeacherView,
} from '@/components/runs/api';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { ApiError } from '@/lib/client/api';
import { FormError } from '@/components/ui/form-error';

const PROVIDERS = [
  ['openai-compatible', 'OpenAI-compatible'],
  ['anthropic', 'Anthropic'],
  ['google', 'Google'],
] as const;
const providerLabel = (p: string) => PROVIDERS.find(([v]) => v === p)?.[1] ?? p;

type KeyMode = 'env' | 'stored' | 'none';

interface Form {
  name: string;
  provider: string;
  baseURL: string;
  model: string;
  temperature: string;
  maxTokens: string;
  timeoutSeconds: string;
  maxRetries: string;
  concurrency: string;
  requestsPerMinute: string;
  tokensPerMinute: string;
  inputPrice: string;
  outputPrice: string;
  keyMode: KeyMode;
  apiKeyEnv: string;
  /** Typed in, sent once, never read back. */
  apiKey: string;
}

// Prices are stored in micro-dollars per million tokens and edited in dollars.
const dollars = (micros: number) => String(micros / 1e6);
const micros = (d: string) => Math.round(Number(d) * 1e6);

const fromTeacher = (t?: TeacherView): Form => ({
  name: t?.name ?? '',
  provider: t?.provider ?? 'openai-compatible',
  baseURL: t?.baseURL ?? '',
  model: t?.model ?? '',
  temperature: String(t?.temperature ?? 0.7),
  maxTokens: t?.maxTokens != null ? String(t.maxTokens) : '',
  timeoutSeconds: String((t?.timeoutMs ?? 60_000) / 1000),
  maxRetries: String(t?.maxRetries ?? 3),
  concurrency: String(t?.concurrency ?? 8),
  requestsPerMinute: t?.requestsPerMinute != null ? String(t.requestsPerMinute) : '',
  tokensPerMinute: t?.tokensPerMinute != null ? String(t.tokensPerMinute) : '',
  inputPrice: dollars(t?.inputCostPerMTok ?? 0),
  outputPrice: dollars(t?.outputCostPerMTok ?? 0),
  keyMode: !t ? 'env' : t.apiKey === 'stored' ? 'stored' : t.apiKeyEnv ? 'env' : 'none',
  apiKeyEnv: t?.apiKeyEnv ?? '',
  apiKey: '',
});

const optional = (s: string) => (s.trim() === '' ? null : Number(s));

function toInput(f: Form, existing?: TeacherView): TeacherInput {
  const hadStored = existing?.apiKey === 'stored';
  let apiKey: string | null | undefined;
  if (f.keyMode === 'stored') {
    if (f.apiKey) apiKey = f.apiKey;
    else if (!hadStored) throw new Error('Type the API key to store, or take it from an environment variable.');
  } else if (hadStored) apiKey = null; // switching away from a stored key removes it
  return {
    name: f.name.trim(),
    provider: f.provider as TeacherInput['provider'],
    baseURL: f.baseURL.trim() || null,
    model: f.model.trim(),
    temperature: Number(f.temperature),
    maxTokens: optional(f.maxTokens),
    timeoutMs: Math.round(Number(f.timeoutSeconds) * 1000),
    maxRetries: Number(f.maxRetries),
    concurrency: Number(f.concurrency),
    requestsPerMinute: optional(f.requestsPerMinute),
    tokensPerMinute: optional(f.tokensPerMinute),
    inputCostPerMTok: micros(f.inputPrice),
    outputCostPerMTok: micros(f.outputPrice),
    apiKeyEnv: f.keyMode === 'env' ? f.apiKeyEnv.trim() || null : null,
    ...(apiKey !== undefined && { apiKey }),
    ...(existing && { version: existing.version }),
  };
}

const price = (m: number) =>
  `$${(m / 1e6).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;

/** The project's LLM teachers for runs: list, add, edit, delete. API keys are write-only. */
export function TeachersPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const teachers = useQuery({ queryKey: ['teachers', projectId], queryFn: () => listTeachers(projectId) });
  const [editing, setEditing] = useState<{ teacher?: TeacherView } | null>(null);
  const remove = useMutation({
    mutationFn: (t: TeacherView) => deleteTeacher(projectId, t.id),
    onSuccess: (_r, t) => {
      queryClient.invalidateQueries({ queryKey: ['teachers', projectId] });
      toast({ title: `Deleted teacher “${t.name}”`, variant: 'success' });
    },
    onError: (e) => toast({ title: 'Could not delete the teacher', description: e.message, variant: 'destructive' }),
  });
  const rows = teachers.data?.teachers ?? [];

  return (
    <section
      id="teachers"
      className="bg-card scroll-mt-20 space-y-4 rounded-lg border p-5 lg:col-span-2"
      aria-labelledby="teachers-heading"
    >
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-1">
          <h2 id="teachers-heading" className="font-medium">
            Teachers
          </h2>
          <p className="text-muted-foreground text-sm">
            The models runs can translate paths with. The built-in template teacher is always there and needs none.
          </p>
        </div>
        {canEdit && (
          <Button variant="outline" onClick={() => setEditing({})}>
            <Plus className="size-4" aria-hidden /> Add teacher
          </Button>
        )}
      </div>

      {teachers.isError ? (
        <p className="text-destructive text-sm">Could not load teachers: {teachers.error.message}</p>
      ) : teachers.isPending ? (
        <p className="text-muted-foreground text-sm">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="text-muted-foreground rounded-md border border-dashed px-4 py-6 text-center text-sm">
          No teacher yet. Add one to translate with an LLM: an OpenAI-compatible server (vLLM, Ollama, OpenAI…),
          Anthropic or Google.
        </p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="pl-3">Name</TableHead>
                <TableHead>Model</TableHead>
                <TableHead>Limits</TableHead>
                <TableHead className="text-right">Price in / out per M tokens</TableHead>
                <TableHead>API key</TableHead>
                {canEdit && <TableHead className="w-20 pr-3" aria-label="Actions" />}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((t) => (
                <TableRow key={t.id} data-testid="teacher-row">
                  <TableCell className="max-w-48 py-2 pl-3">
                    <div className="truncate font-medium" title={t.name}>
                      {t.name}
                    </div>
                    <div className="text-muted-foreground text-xs">{providerLabel(t.provider)}</div>
                  </TableCell>
                  <TableCell className="max-w-64 py-2">
                    <div className="truncate font-mono text-xs" title={t.model}>
                      {t.model}
                    </div>
                    {t.baseURL && (
                      <div className="text-muted-foreground truncate text-xs" title={t.baseURL}>
                        {t.baseURL}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="text-muted-foreground py-2 text-xs">
                    <div>
                      {t.concurrency} at once · {t.timeoutMs / 1000} s timeout · {t.maxRetries} retr
                      {t.maxRetries === 1 ? 'y' : 'ies'}
                    </div>
                    {(t.requestsPerMinute || t.tokensPerMinute) && (
                      <div>
                        {[
                          t.requestsPerMinute && `${t.requestsPerMinute.toLocaleString('en-US')} req/min`,
                          t.tokensPerMinute && `${t.tokensPerMinute.toLocaleString('en-US')} tok/min`,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    )}
                  </TableCell>
                  <TableCell className="py-2 text-right text-xs tabular-nums">
                    {t.inputCostPerMTok || t.outputCostPerMTok ? (
                      `${price(t.inputCostPerMTok)} / ${price(t.outputCostPerMTok)}`
                    ) : (
                      <span className="text-muted-foreground">free</span>
                    )}
                  </TableCell>
                  <TableCell className="py-2">
                    <Badge
                      variant={t.apiKey === 'env_missing' ? 'warning' : t.apiKey === 'none' ? 'outline' : 'secondary'}
                      className="font-mono font-normal"
                      data-testid="teacher-key"
                    >
                      {keySource(t)}
                    </Badge>
                  </TableCell>
                  {canEdit && (
                    <TableCell className="py-2 pr-3">
                      <div className="flex justify-end gap-1">
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-8"
                          aria-label={`Edit ${t.name}`}
                          onClick={() => setEditing({ teacher: t })}
                        >
                          <Pencil aria-hidden />
                        </Button>
                        <AlertDialog>
                          <AlertDialogTrigger asChild>
                            <Button
                              variant="ghost"
                              size="icon"
                              className="text-destructive hover:text-destructive size-8"
                              aria-label={`Delete ${t.name}`}
                            >
                              <Trash2 aria-hidden />
                            </Button>
                          </AlertDialogTrigger>
                          <AlertDialogContent>
                            <AlertDialogHeader>
                              <AlertDialogTitle>Delete teacher “{t.name}”?</AlertDialogTitle>
                              <AlertDialogDescription>
                                Runs that used it keep its name and their conversations stay. A stored API key is
                                deleted with it.
                              </AlertDialogDescription>
                            </AlertDialogHeader>
                            <AlertDialogFooter>
                              <AlertDialogCancel>Cancel</AlertDialogCancel>
                              <AlertDialogAction variant="destructive" onClick={() => remove.mutate(t)}>
                                Delete
                              </AlertDialogAction>
                            </AlertDialogFooter>
                          </AlertDialogContent>
                        </AlertDialog>
                      </div>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {!canEdit && <p className="text-muted-foreground text-xs">Only the project’s owners change teachers.</p>}
      {editing && <TeacherDialog projectId={projectId} teacher={editing.teacher} onClose={() => setEditing(null)} />}
    </section>
  );
}

function TeacherDialog({
  projectId,
  teacher,
  onClose,
}: {
  projectId: string;
  teacher?: TeacherView;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  // The version this dialog edits; moves on when the curator takes someone else's newer one.
  const [base, setBase] = useState(teacher);
  const [newer, setNewer] = useState<TeacherView | null>(null);
  const [form, setForm] = useState<Form>(() => fromTeacher(teacher));
  const set = (k: keyof Form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const save = useMutation({
    mutationFn: () => {
      const body = toInput(form, base);
      return base ? updateTeacher(projectId, base.id, body) : createTeacher(projectId, body);
    },
    onSuccess: ({ teacher: saved }) => {
      queryClient.invalidateQueries({ queryKey: ['teachers', projectId] });
      toast({ title: `${base ? 'Saved' : 'Added'} teacher “${saved.name}”`, variant: 'success' });
      onClose();
    },
    onError: async (e) => {
      if (!(e instanceof ApiError && e.status === 409) || !base) return;
      // A 409 is a clashing name or someone else's save; only the second has a newer version to offer.
      const fresh = await queryClient.fetchQuery({
        queryKey: ['teachers', projectId],
        queryFn: () => listTeachers(projectId),
        staleTime: 0,
      });
      const latest = fresh.teachers.find((t) => t.id === base.id);
      if (latest && latest.version !== base.version) setNewer(latest);
    },
  });
  const takeNewer = () => {
    if (!newer) return;
    setBase(newer);
    setForm(fromTeacher(newer));
    setNewer(null);
    save.reset();
  };

  const field = (
    k: keyof Form,
    label: string,
    hint: string | null,
    props: React.ComponentProps<typeof Input> = {},
    className = '',
  ) => (
    <div className={`space-y-1 ${className}`}>
      <Label htmlFor={`teacher-${k}`}>{label}</Label>
      <Input id={`teacher-${k}`} value={form[k]} onChange={(e) => set(k)(e.target.value)} {...props} />
      {hint && <p className="text-muted-foreground text-xs">{hint}</p>}
    </div>
  );
  const int = (min: number, max?: number) => ({ type: 'number', min, max, step: 1 }) as const;

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{teacher ? `Edit teacher “${teacher.name}”` : 'Add teacher'}</DialogTitle>
          <DialogDescription>
            A model that writes the users’ messages and the assistant’s calls and answers. Its limits apply across every
            run that uses it.
          </DialogDescription>
        </DialogHeader>
        <form
          id="teacher-form"
          noValidate
          autoComplete="off"
          className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {field('name', 'Name', 'What runs call it', { placeholder: 'e.g. local-qwen' }, 'col-span-2')}
          <div className="col-span-2 space-y-1">
            <Label htmlFor="teacher-provider">Provider</Label>
            <Select value={form.provider} onValueChange={set('provider')}>
              <SelectTrigger id="teacher-provider" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {PROVIDERS.map(([v, l]) => (
                  <SelectItem key={v} value={v}>
                    {l}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          {field(
            'baseURL',
            'Base URL',
            form.provider === 'openai-compatible'
              ? 'Required, e.g. http://127.0.0.1:8000/v1'
              : 'Optional: the provider’s own by default',
            { placeholder: 'https://…/v1', inputMode: 'url' },
            'col-span-2',
          )}
          {field('model', 'Model', null, { placeholder: 'e.g. gpt-4o-mini' }, 'col-span-2')}
          {field('temperature', 'Temperature', '0 to 2', { type: 'number', min: 0, max: 2, step: 0.1 })}
          {field('maxTokens', 'Max tokens', 'Per answer; optional', int(1, 200_000))}
          {field('inputPrice', 'Input price', '$ per million tokens', { type: 'number', min: 0, step: 0.01 })}
          {field('outputPrice', 'Output price', '$ per million tokens', { type: 'number', min: 0, step: 0.01 })}
          <div className="col-span-2 grid grid-cols-2 gap-x-4 gap-y-3 sm:col-span-4 sm:grid-cols-5">
            {field('concurrency', 'Concurrency', 'Requests at once', int(1, 256))}
            {field('requestsPerMinute', 'Requests / min', 'Optional', int(1))}
            {field('tokensPerMinute', 'Tokens / min', 'Optional', int(1))}
            {field('timeoutSeconds', 'Timeout (s)', 'Per request', { type: 'number', min: 1, max: 600, step: 1 })}
            {field('maxRetries', 'Retries', 'After errors', int(0, 10))}
          </div>

          <fieldset className="col-span-2 space-y-2 sm:col-span-4">
            <legend className="mb-1 text-sm font-medium">API key</legend>
            <div className="grid gap-x-4 gap-y-2 sm:grid-cols-[13rem_1fr]">
              <div>
                <Select value={form.keyMode} onValueChange={(v) => set('keyMode')(v)}>
                  <SelectTrigger aria-label="Where the key comes from" className="w-full">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="env">Environment variable</SelectItem>
                    <SelectItem value="stored">Stored key</SelectItem>
                    <SelectItem value="none">No key</SelectItem>
                  </SelectContent>
                </Select>
              </div>
              <div>
                {form.keyMode === 'env' ? (
                  <Input
                    aria-label="Environment variable name"
                    placeholder="OPENAI_API_KEY"
                    className="font-mono"
                    value={form.apiKeyEnv}
                    onChange={(e) => set('apiKeyEnv')(e.target.value)}
                  />
                ) : form.keyMode === 'stored' ? (
                  <Input
                    aria-label="API key"
                    type="password"
                    autoComplete="new-password"
                    placeholder={
                      base?.apiKey === 'stored' ? 'A key is stored: type a new one to replace it' : 'Paste the key'
                    }
                    value={form.apiKey}
                    onChange={(e) => set('apiKey')(e.target.value)}
                  />
                ) : (
                  <p className="text-muted-foreground flex h-9 items-center text-sm">
                    For local servers that need none.
                  </p>
                )}
              </div>
            </div>
            <p className="text-muted-foreground text-xs">
              {form.keyMode === 'env'
                ? 'Read from the studio’s environment when a run starts; the key never enters the database.'
                : form.keyMode === 'stored'
                  ? 'Sealed in the database and never shown again, here or anywhere.'
                  : base?.apiKey === 'stored'
                    ? 'The stored key is deleted on save.'
                    : 'Requests are sent without a key.'}
              {base && (
                <>
                  {' '}
                  Now: <span className="font-mono">{keySource(base)}</span>.
                </>
              )}
            </p>
          </fieldset>
        </form>
        {save.isError && (
          <FormError
            action={
              newer && (
                <Button variant="outline" size="sm" className="text-foreground shrink-0" onClick={takeNewer}>
                  Load their version
                </Button>
              )
            }
          >
            {save.error.message}
          </FormError>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="teacher-form" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : base ? 'Save' : 'Add teacher'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
