'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, RotateCcw, Save, Undo2 } from 'lucide-react';
import { useId, useRef, useState } from 'react';
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
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toaster';
import { ApiError, api } from '@/lib/client/api';
import type { PromptOperation } from '@/lib/magnet/translate';
import type { PromptView } from '@/lib/server/prompts/list-prompts';
import { cn } from '@/lib/ui/cn';
import { FormError } from '@/components/ui/form-error';

const url = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/prompts`;
const listPrompts = (projectId: string) => api<{ prompts: PromptView[] }>(url(projectId));
const savePrompt = (projectId: string, operation: PromptOperation, template: string) =>
  api<{ prompt: PromptView }>(url(projectId), { method: 'POST', json: { operation, template } });

/** One line on what each operation writes, in the order the translation loop meets them. */
const PURPOSE: Record<PromptOperation, string> = {
  write_query: 'Writes the user’s message asking for the turn’s tasks, with the values they need.',
  write_calls: 'Has the assistant call the turn’s functions (tool calls, no text).',
  write_answer: 'Writes the assistant’s answer, summing up the results of the calls.',
  write_missing: 'Writes the assistant’s reply when a value is missing or no function can do what is asked.',
  write_supply: 'Writes the user’s reply that gives the value the assistant asked for.',
  simulate_output: 'Writes a call’s output, for functions whose executor is the teacher.',
  write_hinted_turn:
    'Distillation: the assistant’s reasoning and calls for a turn, guided by reference calls it never mentions.',
};

/** What the loop fills each placeholder with (lib/magnet/translate/prompts.ts). */
const PLACEHOLDER: Record<string, string> = {
  history: 'the conversation so far',
  tasks: 'the tasks to ask for, with their values',
  previous_queries: 'the earlier user messages',
  query: 'the user’s request being handled',
  functions: 'the functions to call, in order',
  issues: 'the last calls’ problems, on a repair (else empty)',
  results: 'the calls and their results',
  situation: 'what is missing: a value or a function',
  param: 'the parameter asked for',
  value: 'its value',
  function: 'the function’s name',
  description: 'its description',
  parameters: 'its parameters’ JSON Schema',
  returns: 'its output’s JSON Schema',
  arguments: 'the call’s arguments',
  guidance: 'the reference calls to make (for negatives: wrong on purpose, and why)',
};

// The same pattern fillTemplate uses, so what is listed here is what gets filled.
const placeholdersIn = (template: string) => [
  ...new Set([...template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1])),
];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The prompt LLM teachers send for each translation step: the project's own version or the default. */
export function PromptsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const prompts = useQuery({ queryKey: ['prompts', projectId], queryFn: () => listPrompts(projectId) });
  return (
    <section
      id="prompts"
      className="bg-card scroll-mt-20 space-y-4 rounded-lg border p-5 lg:col-span-2"
      aria-labelledby="prompts-heading"
    >
      <div className="space-y-1">
        <h2 id="prompts-heading" className="font-medium">
          Prompts
        </h2>
        <p className="text-muted-foreground text-sm">
          What LLM teachers are asked at each step of a translation. Each save is a new version; runs record the
          versions they used. The answer’s format is fixed apart from these texts, so edits cannot break parsing. The
          template teacher uses none of them.
        </p>
      </div>
      {prompts.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load the prompts: {prompts.error.message}
        </p>
      ) : prompts.isPending ? (
        <p className="text-muted-foreground text-sm">Loading…</p>
      ) : (
        <div className="space-y-3">
          {prompts.data.prompts.map((p) => (
            <PromptCard key={p.operation} projectId={projectId} prompt={p} canEdit={canEdit} />
          ))}
        </div>
      )}
      {!canEdit && <p className="text-muted-foreground text-xs">Viewers read the prompts; editors change them.</p>}
    </section>
  );
}

function PromptCard({ projectId, prompt, canEdit }: { projectId: string; prompt: PromptView; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [base, setBase] = useState(prompt.template);
  const [draft, setDraft] = useState(prompt.template);
  const [open, setOpen] = useState(false);
  // A newer template from the server (a refetch) replaces the text unless the curator is editing it.
  if (prompt.template !== base) {
    setBase(prompt.template);
    if (draft === base) setDraft(prompt.template);
  }

  const put = (saved: PromptView) =>
    queryClient.setQueryData<{ prompts: PromptView[] }>(['prompts', projectId], (old) =>
      old ? { prompts: old.prompts.map((p) => (p.operation === saved.operation ? saved : p)) } : old,
    );
  const save = useMutation({
    mutationFn: (template: string) => savePrompt(projectId, prompt.operation, template),
    onSuccess: ({ prompt: saved }) => {
      setBase(saved.template);
      setDraft(saved.template);
      put(saved);
      toast({
        title: saved.isDefault
          ? `${saved.operation} uses the default prompt`
          : `Saved ${saved.operation} as custom v${saved.history[0]?.version}`,
        variant: 'success',
      });
    },
  });
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: ['prompts', projectId],
      queryFn: () => listPrompts(projectId),
      staleTime: 0,
    });
    const latest = fresh.prompts.find((p) => p.operation === prompt.operation);
    if (latest) {
      setBase(latest.template);
      setDraft(latest.template);
    }
    save.reset();
  };

  const dirty = draft !== prompt.template;
  const latest = prompt.history[0]?.version;
  const nextVersion = (latest ?? 0) + 1;
  const known = placeholdersIn(prompt.defaultTemplate);
  const used = new Set(placeholdersIn(draft));
  const unknown = [...used].filter((p) => !known.includes(p));
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  /** Puts `{{name}}` at the cursor, keeping the textarea's undo history where the browser allows. */
  const insert = (name: string) => {
    const el = textarea.current;
    if (!el || !canEdit) return;
    const text = `{{${name}}}`;
    el.focus();
    if (!document.execCommand?.('insertText', false, text)) {
      const { selectionStart: s, selectionEnd: e } = el;
      setDraft(draft.slice(0, s) + text + draft.slice(e));
    }
  };

  return (
    <article
      aria-labelledby={`${id}-title`}
      data-testid="prompt-card"
      data-operation={prompt.operation}
      className="rounded-md border"
    >
      <header className="flex items-start justify-between gap-4 px-4 py-3">
        <div className="min-w-0 space-y-0.5">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`${id}-title`} className="font-mono text-sm font-medium">
              {prompt.operation}
            </h3>
            <Badge variant={prompt.isDefault ? 'secondary' : 'default'} data-testid="prompt-version">
              {prompt.isDefault ? 'default' : `custom v${latest}`}
            </Badge>
            {dirty && !open && <span className="text-warning text-xs">Unsaved edits</span>}
          </div>
          <p className="text-muted-foreground text-sm">{PURPOSE[prompt.operation]}</p>
          <p className="text-muted-foreground text-xs" data-testid="prompt-history">
            {prompt.history.length === 0 ? 'No saved versions' : plural(prompt.history.length, 'saved version')}
            {' · runs record '}
            <span className="text-foreground font-mono">{prompt.version}</span>
          </p>
        </div>
        <Button
          variant="outline"
          size="sm"
          className="shrink-0"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
        >
          <ChevronDown aria-hidden className={cn('transition-transform', open && 'rotate-180')} />
          {open ? 'Close' : canEdit ? 'Edit' : 'Show'}
        </Button>
      </header>

      {/* Collapsed by default: six full templates make a very long page. */}
      {open && (
        <div id={`${id}-body`} className="grid gap-4 border-t p-4 md:grid-cols-[minmax(0,1fr)_15rem]">
          <div className="min-w-0 space-y-2">
            <label htmlFor={`${id}-template`} className="sr-only">
              {prompt.operation} template
            </label>
            <Textarea
              ref={textarea}
              id={`${id}-template`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              readOnly={!canEdit}
              spellCheck={false}
              placeholder="Empty: saving goes back to the default prompt."
              className="max-h-[28rem] min-h-40 font-mono text-[13px] leading-relaxed md:text-[13px]"
            />
            {unknown.length > 0 && (
              <p className="text-warning text-xs">
                {unknown.map((p) => `{{${p}}}`).join(', ')}{' '}
                {unknown.length === 1 ? 'is not a placeholder' : 'are not placeholders'} of {prompt.operation}:{' '}
                {unknown.length === 1 ? 'it is' : 'they are'} filled with nothing.
              </p>
            )}
            {save.isError && (
              <FormError
                action={
                  conflict && (
                    <Button variant="outline" size="sm" className="text-foreground shrink-0" onClick={reload}>
                      Load their version
                    </Button>
                  )
                }
              >
                {save.error.message}
              </FormError>
            )}
            {canEdit && (
              <div className="flex flex-wrap items-center gap-2">
                <Button size="sm" disabled={!dirty || save.isPending} onClick={() => save.mutate(draft)}>
                  <Save aria-hidden />
                  {save.isPending
                    ? 'Saving…'
                    : draft.trim() === ''
                      ? 'Save (back to default)'
                      : `Save as v${nextVersion}`}
                </Button>
                {dirty && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => {
                      setDraft(prompt.template);
                      save.reset();
                    }}
                  >
                    <Undo2 aria-hidden /> Discard edits
                  </Button>
                )}
                <AlertDialog>
                  <AlertDialogTrigger asChild>
                    <Button
                      variant="outline"
                      size="sm"
                      className="ml-auto"
                      disabled={prompt.isDefault || save.isPending}
                    >
                      <RotateCcw aria-hidden /> Back to default
                    </Button>
                  </AlertDialogTrigger>
                  <AlertDialogContent>
                    <AlertDialogHeader>
                      <AlertDialogTitle>Back to the default {prompt.operation} prompt?</AlertDialogTitle>
                      <AlertDialogDescription>
                        Saves v{nextVersion} with the default text; runs started from now on use it. The studio does not
                        show earlier versions’ text, so copy yours first if you may want it again.
                      </AlertDialogDescription>
                    </AlertDialogHeader>
                    <AlertDialogFooter>
                      <AlertDialogCancel>Cancel</AlertDialogCancel>
                      <AlertDialogAction onClick={() => save.mutate('')}>Back to default</AlertDialogAction>
                    </AlertDialogFooter>
                  </AlertDialogContent>
                </AlertDialog>
              </div>
            )}
          </div>

          <div className="space-y-2">
            <h4 className="text-muted-foreground text-xs font-medium">
              Placeholders{canEdit && <span className="font-normal"> · click to insert</span>}
            </h4>
            <ul className="space-y-1.5" aria-label={`${prompt.operation} placeholders`}>
              {known.map((p) => (
                <li key={p} className="space-y-0.5 text-xs">
                  <div className="flex items-center gap-2">
                    <button
                      type="button"
                      disabled={!canEdit}
                      onClick={() => insert(p)}
                      className={cn(
                        'rounded border px-1.5 py-0.5 font-mono transition-colors disabled:cursor-default',
                        'focus-visible:ring-ring/50 outline-none focus-visible:ring-[3px]',
                        used.has(p)
                          ? 'bg-secondary text-secondary-foreground hover:bg-secondary/70'
                          : 'border-warning/40 text-warning hover:bg-warning/10 border-dashed',
                      )}
                      aria-label={`Insert {{${p}}}${used.has(p) ? '' : ' (not in the text)'}`}
                    >
                      {`{{${p}}}`}
                    </button>
                    {!used.has(p) && <span className="text-warning">not used</span>}
                  </div>
                  <div className="text-muted-foreground">{PLACEHOLDER[p] ?? ''}</div>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </article>
  );
}
