'use client';

// The edit form of one library function: details on the left, JSON Schemas on the right, with
// live validation, optimistic-concurrency saves (a stale version is refused, the edits stay),
// and a guard against leaving with unsaved changes.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  AlignLeftIcon,
  CircleAlertIcon,
  CircleCheckIcon,
  CopyIcon,
  EraserIcon,
  PencilLineIcon,
  RefreshCwIcon,
  RotateCcwIcon,
  SaveIcon,
  Trash2Icon,
  TriangleAlertIcon,
  XIcon,
} from 'lucide-react';

import { FunctionExecutor } from '@/components/library/function-executor';
import {
  JsonEditor,
  jsonSyntaxError,
  lineOf,
  locateJsonPointer,
  type JsonDiagnostic,
} from '@/components/library/json-editor';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
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
import { Input } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { Label } from '@/components/ui/label';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toaster';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { ApiError, api } from '@/lib/client/api';
import { isOpenAIName, toOpenAIName, validateParametersSchema, validateReturnsSchema } from '@/lib/magnet/functions';
import { cn } from '@/lib/ui/cn';

type JsonObject = { [key: string]: unknown };

/** What the page hands the editor: the function as the server read it (serializable). */
export interface FunctionEditorData {
  id: string;
  name: string;
  originalName: string;
  description: string;
  parameters: JsonObject;
  returns: JsonObject | null;
  category: string;
  tags: string[];
  sourceFormat: string;
  version: number;
  editedAt: string | null;
  createdAt: string;
  updatedAt: string;
  raw: unknown;
  import: { id: string; createdAt: string; files: unknown } | null;
}

/** A function as the PATCH answers it (no raw, no import). */
type FunctionView = Omit<FunctionEditorData, 'raw' | 'import'>;

interface Issue {
  level: 'error' | 'warning';
  code: string;
  path: string;
  message: string;
}

interface UpdateBody {
  version: number;
  name?: string;
  description?: string;
  category?: string;
  tags?: string[];
  parameters?: JsonObject;
  returns?: JsonObject | null;
}

interface UpdateResult {
  function: FunctionView;
  warnings: Issue[];
}

// Limits the server enforces (lib/server/library/update-function.ts), checked here first.
const MAX_NAME = 200;
const MAX_CATEGORY = 500;
const MAX_DESCRIPTION = 20_000;
const MAX_TAG = 100;
const MAX_TAGS = 100;

// ---------------------------------------------------------------------------------------------
// Validation of the schema editors
// ---------------------------------------------------------------------------------------------

interface SchemaProblem {
  level: 'error' | 'warning';
  message: string;
  /** 1-based line in the editor, when the problem has a place. */
  line: number | null;
}

interface SchemaCheck {
  text: string;
  /** The parsed schema; null = no schema (returns left empty); undefined = not usable. */
  value: JsonObject | null | undefined;
  problems: SchemaProblem[];
  diagnostics: JsonDiagnostic[];
  errors: number;
  warnings: number;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function summarize(
  text: string,
  value: JsonObject | null | undefined,
  problems: SchemaProblem[],
  diagnostics: JsonDiagnostic[],
): SchemaCheck {
  const errors = problems.filter((p) => p.level === 'error').length;
  return {
    text,
    value: errors > 0 ? undefined : value,
    problems,
    diagnostics,
    errors,
    warnings: problems.length - errors,
  };
}

function checkSchemaText(text: string, kind: 'parameters' | 'returns'): SchemaCheck {
  if (text.trim() === '') {
    if (kind === 'returns') return summarize(text, null, [], []);
    return summarize(
      text,
      undefined,
      [
        {
          level: 'error',
          line: null,
          message:
            'Parameters are required: a JSON Schema with "type": "object" (use {"type": "object", "properties": {}} for none).',
        },
      ],
      [],
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const syntax = jsonSyntaxError(text) ?? { line: null, column: null, reason: 'not valid JSON' };
    const where = syntax.line === null ? '' : ` at line ${syntax.line}, column ${syntax.column}`;
    return summarize(
      text,
      undefined,
      [{ level: 'error', line: syntax.line, message: `Invalid JSON${where}: ${syntax.reason}.` }],
      [],
    );
  }
  if (kind === 'returns' && value === null) return summarize(text, null, [], []);
  if (kind === 'returns' && !isObject(value)) {
    const diag = locateJsonPointer(text, '');
    return summarize(
      text,
      undefined,
      [
        {
          level: 'error',
          line: 1,
          message: 'Returns must be a JSON Schema object, or left empty when the function declares no output.',
        },
      ],
      [{ ...diag, severity: 'error', message: 'Returns must be a JSON Schema object.' }],
    );
  }
  const issues: Issue[] =
    kind === 'parameters' ? validateParametersSchema(value, '') : validateReturnsSchema(value as JsonObject, '');
  const problems: SchemaProblem[] = [];
  const diagnostics: JsonDiagnostic[] = [];
  for (const issue of issues) {
    const range = locateJsonPointer(text, issue.path);
    problems.push({ level: issue.level, message: issue.message, line: lineOf(text, range.from) });
    diagnostics.push({ ...range, severity: issue.level, message: issue.message });
  }
  problems.sort((a, b) => (a.level === b.level ? (a.line ?? 0) - (b.line ?? 0) : a.level === 'error' ? -1 : 1));
  return summarize(text, isObject(value) ? value : undefined, problems, diagnostics);
}

/** Memoizes one schema check per text, and hands the editor diagnostics for that text. */
function useSchemaCheck(text: string, kind: 'parameters' | 'returns') {
  const check = useMemo(() => checkSchemaText(text, kind), [text, kind]);
  const diagnose = useCallback(
    (editorText: string) =>
      editorText === check.text ? check.diagnostics : checkSchemaText(editorText, kind).diagnostics,
    [check, kind],
  );
  return [check, diagnose] as const;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The server stores tags trimmed, unique and sorted. */
function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Same instant on server and client, so hydration never differs. */
function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function importFileNames(files: unknown): string[] {
  if (!Array.isArray(files)) return [];
  return files.flatMap((f) => (isObject(f) && typeof f.name === 'string' ? [f.name] : []));
}

function serverIssues(details: unknown): { path: string; message: string }[] {
  const issues = isObject(details) ? details.issues : undefined;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i) =>
    isObject(i) && typeof i.message === 'string'
      ? [{ path: typeof i.path === 'string' ? i.path : '', message: i.message }]
      : [],
  );
}

interface Saved {
  name: string;
  category: string;
  description: string;
  tags: string[];
  parameters: JsonObject;
  returns: JsonObject | null;
  version: number;
  editedAt: string | null;
  updatedAt: string;
}

function savedFrom(f: FunctionView): Saved {
  return {
    name: f.name,
    category: f.category,
    description: f.description,
    tags: normalizeTags(f.tags),
    parameters: f.parameters,
    returns: f.returns,
    version: f.version,
    editedAt: f.editedAt,
    updatedAt: f.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------

export function FunctionEditor({ projectId, fn }: { projectId: string; fn: FunctionEditorData }) {
  const router = useRouter();
  const url = `/api/projects/${encodeURIComponent(projectId)}/functions/${encodeURIComponent(fn.id)}`;
  const libraryHref = `/p/${projectId}/library`;

  const [base, setBase] = useState<Saved>(() => savedFrom(fn));
  const [name, setName] = useState(fn.name);
  const [category, setCategory] = useState(fn.category);
  const [tags, setTags] = useState<string[]>(fn.tags);
  const [tagDraft, setTagDraft] = useState('');
  const [description, setDescription] = useState(fn.description);
  const [paramsText, setParamsText] = useState(() => pretty(fn.parameters));
  const [returnsText, setReturnsText] = useState(() => (fn.returns ? pretty(fn.returns) : ''));
  const [tab, setTab] = useState('parameters');

  const [conflict, setConflict] = useState<{ currentVersion: number } | null>(null);
  const [takenName, setTakenName] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{
    title: string;
    message: string;
    issues: { path: string; message: string }[];
  } | null>(null);
  const [reloadRequested, setReloadRequested] = useState(false);

  const [params, diagnoseParams] = useSchemaCheck(paramsText, 'parameters');
  const [returns, diagnoseReturns] = useSchemaCheck(returnsText, 'returns');

  // ---- what changed, and what is wrong ----
  const trimmedName = name.trim();
  const effectiveTags = useMemo(() => normalizeTags([...tags, ...splitTags(tagDraft)]), [tags, tagDraft]);

  const changes = useMemo(() => {
    const c: Omit<UpdateBody, 'version'> = {};
    if (trimmedName !== base.name) c.name = trimmedName;
    if (category.trim() !== base.category) c.category = category.trim();
    if (description !== base.description) c.description = description;
    if (!sameList(effectiveTags, base.tags)) c.tags = effectiveTags;
    if (params.value && JSON.stringify(params.value) !== JSON.stringify(base.parameters)) c.parameters = params.value;
    if (returns.value !== undefined && JSON.stringify(returns.value) !== JSON.stringify(base.returns))
      c.returns = returns.value;
    return c;
  }, [trimmedName, category, description, effectiveTags, params.value, returns.value, base]);

  // An unusable schema counts as a change unless it is the text as loaded (a stored schema can be invalid).
  const savedParamsText = useMemo(() => pretty(base.parameters), [base.parameters]);
  const savedReturnsText = useMemo(() => (base.returns ? pretty(base.returns) : ''), [base.returns]);
  const dirty =
    Object.keys(changes).length > 0 ||
    (params.value === undefined && paramsText !== savedParamsText) ||
    (returns.value === undefined && returnsText !== savedReturnsText);

  const nameError =
    trimmedName === ''
      ? 'A name is required.'
      : /[\u0000-\u001f\s]/.test(trimmedName)
        ? 'A name cannot contain spaces or control characters.'
        : trimmedName.length > MAX_NAME
          ? `A name can be at most ${MAX_NAME} characters.`
          : takenName !== null && takenName === trimmedName
            ? `Another function in this project is already named ${trimmedName}.`
            : null;
  const openAIName = nameError === null && !isOpenAIName(trimmedName) ? toOpenAIName(trimmedName) : null;
  const categoryError =
    category.trim().length > MAX_CATEGORY ? `A class can be at most ${MAX_CATEGORY} characters.` : null;
  const longTag = effectiveTags.find((t) => t.length > MAX_TAG);
  const tagsError = longTag
    ? `A tag can be at most ${MAX_TAG} characters ("${longTag.slice(0, 24)}…" is longer).`
    : effectiveTags.length > MAX_TAGS
      ? `At most ${MAX_TAGS} tags.`
      : null;
  const descriptionError =
    description.length > MAX_DESCRIPTION
      ? `A description can be at most ${MAX_DESCRIPTION.toLocaleString('en-US')} characters.`
      : null;
  const errorCount =
    [nameError, categoryError, tagsError, descriptionError].filter(Boolean).length + params.errors + returns.errors;

  // ---- adopting newer data from the server (after a reload, or a save elsewhere while clean) ----
  const propsKey = `${fn.id}:${fn.version}:${fn.updatedAt}`;
  const [seenKey, setSeenKey] = useState(propsKey);
  if (propsKey !== seenKey) {
    setSeenKey(propsKey);
    if (reloadRequested || (!dirty && fn.version > base.version)) {
      setBase(savedFrom(fn));
      setName(fn.name);
      setCategory(fn.category);
      setTags(fn.tags);
      setTagDraft('');
      setDescription(fn.description);
      setParamsText(pretty(fn.parameters));
      setReturnsText(fn.returns ? pretty(fn.returns) : '');
      setConflict(null);
      setRefusal(null);
      setTakenName(null);
      setReloadRequested(false);
    } else if (fn.version === base.version) {
      setBase((b) => ({ ...b, editedAt: fn.editedAt, updatedAt: fn.updatedAt }));
    }
  }

  const leavingRef = useRef(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [revertOpen, setRevertOpen] = useState(false);

  // ---- saving ----
  const save = useMutation({
    mutationFn: (body: UpdateBody) => api<UpdateResult>(url, { method: 'PATCH', json: body }),
    onMutate: () => {
      setRefusal(null);
    },
    onSuccess: (result) => {
      setBase(savedFrom(result.function));
      setTakenName(null);
      const warnings = result.warnings ?? [];
      toast({
        title: `Saved ${result.function.name} (version ${result.function.version})`,
        description:
          warnings.length > 0 ? (
            <ul className="grid gap-1">
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          ) : undefined,
        variant: warnings.length > 0 ? 'warning' : 'success',
      });
      // The page header shows the name: let the server render it again.
      router.refresh();
    },
    onError: (error, body) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = isObject(error.details) ? error.details.currentVersion : undefined;
        if (typeof current === 'number') {
          setConflict({ currentVersion: current });
          return;
        }
        if (body.name !== undefined) {
          setTakenName(body.name);
          return;
        }
      }
      if (error instanceof ApiError && error.status === 400) {
        setRefusal({
          title: 'The server refused these changes',
          message: error.message,
          issues: serverIssues(error.details),
        });
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        setRefusal({
          title: 'This function no longer exists',
          message: 'It was deleted, perhaps in another tab. Copy your edits if you need them.',
          issues: [],
        });
        return;
      }
      toast({
        title: 'Could not save',
        description: `${error instanceof Error ? error.message : String(error)}. Your edits are still here.`,
        variant: 'destructive',
      });
    },
  });

  const remove = useMutation({
    mutationFn: () => api<{ deleted: number }>(url, { method: 'DELETE' }),
    onSuccess: () => {
      leavingRef.current = true;
      toast({ title: `Deleted ${base.name}`, variant: 'success' });
      router.push(libraryHref);
      router.refresh();
    },
    onError: (error) => {
      setDeleteOpen(false);
      toast({
        title: 'Could not delete',
        description: error instanceof Error ? error.message : String(error),
        variant: 'destructive',
      });
    },
  });

  const canSave = dirty && errorCount === 0 && conflict === null && !save.isPending && !remove.isPending;

  const submit = useCallback(() => {
    if (!canSave) return;
    if (tagDraft.trim() !== '') {
      setTags((t) => [...t, ...splitTags(tagDraft).filter((x) => !t.includes(x))]);
      setTagDraft('');
    }
    save.mutate({ version: base.version, ...changes });
  }, [canSave, tagDraft, save, base.version, changes]);

  // ⌘S / Ctrl+S saves.
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  }, [submit]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        submitRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // ---- unsaved-changes guard: closing the tab, and in-app links ----
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leavingRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (
        leavingRef.current ||
        e.defaultPrevented ||
        e.button !== 0 ||
        e.metaKey ||
        e.ctrlKey ||
        e.shiftKey ||
        e.altKey
      )
        return;
      const anchor = (e.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download'))
        return;
      const dest = new URL(anchor.href, window.location.href);
      if (dest.origin !== window.location.origin) return;
      if (dest.pathname === window.location.pathname && dest.search === window.location.search) return;
      if (!window.confirm('You have unsaved changes to this function. Leave and discard them?')) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  // ---- actions ----
  const revert = () => {
    setName(base.name);
    setCategory(base.category);
    setTags(base.tags);
    setTagDraft('');
    setDescription(base.description);
    setParamsText(pretty(base.parameters));
    setReturnsText(base.returns ? pretty(base.returns) : '');
    setTakenName(null);
    setRefusal(null);
  };

  const copyEdits = async () => {
    const parsedOr = (check: SchemaCheck) => (check.value !== undefined ? check.value : check.text);
    const text = pretty({
      name,
      category,
      tags: effectiveTags,
      description,
      parameters: parsedOr(params),
      returns: parsedOr(returns),
    });
    try {
      await navigator.clipboard.writeText(text);
      toast({
        title: 'Your edits are on the clipboard',
        description: 'Name, class, tags, description and both schemas, as JSON.',
        variant: 'success',
      });
    } catch {
      toast({
        title: 'Could not copy',
        description: 'The browser refused clipboard access. Select the text in the fields and editors instead.',
        variant: 'destructive',
      });
    }
  };

  const reload = () => {
    setReloadRequested(true);
    router.refresh();
  };

  const formatSchema = (check: SchemaCheck, set: (v: string) => void) => {
    if (check.value) set(pretty(check.value));
  };

  const ids = {
    name: useId(),
    nameHelp: useId(),
    category: useId(),
    categoryHelp: useId(),
    tags: useId(),
    tagsHelp: useId(),
    description: useId(),
    descriptionHelp: useId(),
    paramsHelp: useId(),
    returnsHelp: useId(),
  };

  const fileNames = importFileNames(fn.import?.files);

  return (
    <div className="flex flex-col">
      {/* Status and actions */}
      <div className="flex flex-wrap items-center justify-between gap-3 border-b bg-card/60 px-6 py-2.5">
        <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
          <Badge variant="outline" className="font-mono tabular-nums">
            v{base.version}
          </Badge>
          {base.editedAt && (
            <Tooltip>
              <TooltipTrigger asChild>
                <Badge variant="secondary" tabIndex={0}>
                  <PencilLineIcon aria-hidden="true" />
                  Edited in studio
                </Badge>
              </TooltipTrigger>
              <TooltipContent>
                Last edited {formatDate(base.editedAt)}. A re-import keeps these edits unless told to overwrite them.
              </TooltipContent>
            </Tooltip>
          )}
          <Badge variant="outline" className="text-muted-foreground">
            {fn.sourceFormat}
          </Badge>
          <span className="text-muted-foreground" aria-live="polite">
            {save.isPending ? (
              'Saving…'
            ) : !dirty ? (
              'All changes saved'
            ) : errorCount > 0 ? (
              <span className="text-destructive">
                {errorCount === 1 ? '1 problem' : `${errorCount} problems`} to fix before saving
              </span>
            ) : (
              <span className="text-foreground">
                <span
                  className="mr-1.5 inline-block size-1.5 -translate-y-px rounded-full bg-warning align-middle"
                  aria-hidden="true"
                />
                Unsaved changes
              </span>
            )}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <AlertDialog open={deleteOpen} onOpenChange={(open) => !remove.isPending && setDeleteOpen(open)}>
            <AlertDialogTrigger asChild>
              <Button
                variant="ghost"
                size="sm"
                className="text-destructive hover:bg-destructive/10 hover:text-destructive"
              >
                <Trash2Icon aria-hidden="true" />
                Delete
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle className="break-all">Delete {base.name}?</AlertDialogTitle>
                <AlertDialogDescription>
                  Its edges are deleted too. The audit log keeps a copy of the function, but it leaves the library and
                  every graph built from it.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
                <AlertDialogAction
                  variant="destructive"
                  disabled={remove.isPending}
                  onClick={(e) => {
                    e.preventDefault();
                    remove.mutate();
                  }}
                >
                  {remove.isPending ? 'Deleting…' : 'Delete function'}
                </AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>

          <AlertDialog open={revertOpen} onOpenChange={setRevertOpen}>
            <AlertDialogTrigger asChild>
              <Button variant="outline" size="sm" disabled={!dirty || save.isPending}>
                <RotateCcwIcon aria-hidden="true" />
                Revert
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Discard your changes?</AlertDialogTitle>
                <AlertDialogDescription>
                  Every field and both schemas go back to version {base.version}, as last saved. This cannot be undone.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Keep editing</AlertDialogCancel>
                <AlertDialogAction variant="destructive" onClick={revert}>
                  Discard changes
                </AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>

          <Tooltip>
            <TooltipTrigger asChild>
              {/* A wrapper, so the tooltip still explains a disabled button. */}
              <span tabIndex={canSave ? -1 : 0} className="inline-flex rounded-md">
                <Button size="sm" onClick={submit} disabled={!canSave}>
                  <SaveIcon aria-hidden="true" />
                  {save.isPending ? 'Saving…' : 'Save'}
                </Button>
              </span>
            </TooltipTrigger>
            <TooltipContent>
              {conflict ? (
                'Someone else saved this function: reload first.'
              ) : !dirty ? (
                'Nothing to save.'
              ) : errorCount > 0 ? (
                'Fix the problems marked in red first.'
              ) : (
                <span className="inline-flex items-center gap-1">
                  Save as version {base.version + 1} <Kbd>Ctrl/⌘</Kbd>
                  <Kbd>S</Kbd>
                </span>
              )}
            </TooltipContent>
          </Tooltip>
        </div>
      </div>

      {/* Outcome of a save that did not go through */}
      {(conflict || refusal) && (
        <div className="grid gap-3 px-6 pt-5">
          {conflict && (
            <Alert variant="warning">
              <TriangleAlertIcon aria-hidden="true" />
              <AlertTitle>Someone else saved this function (now version {conflict.currentVersion}).</AlertTitle>
              <AlertDescription>
                <p>
                  Your edits are still here: copy them, then reload. Reloading shows their version and replaces what is
                  on this page.
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button size="sm" variant="outline" onClick={copyEdits}>
                    <CopyIcon aria-hidden="true" />
                    Copy my edits
                  </Button>
                  <Button size="sm" variant="outline" onClick={reload}>
                    <RefreshCwIcon aria-hidden="true" />
                    Reload
                  </Button>
                </div>
              </AlertDescription>
            </Alert>
          )}
          {refusal && (
            <Alert variant="destructive">
              <CircleAlertIcon aria-hidden="true" />
              <AlertTitle>{refusal.title}</AlertTitle>
              <AlertDescription>
                {refusal.issues.length > 0 ? (
                  <ul className="grid gap-1">
                    {refusal.issues.map((issue, i) => (
                      <li key={i}>
                        {issue.path && (
                          <code className="mr-1.5 rounded bg-destructive/10 px-1 py-0.5 text-xs">{issue.path}</code>
                        )}
                        {issue.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{refusal.message}</p>
                )}
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button size="sm" variant="outline" onClick={copyEdits}>
                    <CopyIcon aria-hidden="true" />
                    Copy my edits
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setRefusal(null)}>
                    Dismiss
                  </Button>
                </div>
              </AlertDescription>
            </Alert>
          )}
        </div>
      )}

      <div className="grid gap-6 p-6 lg:grid-cols-[minmax(280px,2fr)_minmax(0,3fr)]">
        {/* Left: details */}
        <section aria-labelledby="function-details-heading" className="flex min-w-0 flex-col gap-6">
          <div className="rounded-xl border bg-card p-5 shadow-xs">
            <h2 id="function-details-heading" className="text-sm font-semibold tracking-tight">
              Details
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">
              What the teacher model and the exporters see of this function.
            </p>

            <div className="mt-5 grid gap-5">
              <Field>
                <Label htmlFor={ids.name}>Name</Label>
                <Input
                  id={ids.name}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  className="font-mono"
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={ids.nameHelp}
                />
                <div id={ids.nameHelp} className="grid gap-1">
                  {nameError ? (
                    <FieldMessage level="error">{nameError}</FieldMessage>
                  ) : openAIName ? (
                    <FieldMessage level="warning">
                      OpenAI rejects this name (it allows letters, digits, _ and -, at most 64). OpenAI exports will
                      call it <code className="font-mono break-all text-foreground">{openAIName}</code>.
                    </FieldMessage>
                  ) : (
                    <Helper>Unique in the project. Letters, digits, _ and - work with every provider.</Helper>
                  )}
                  {fn.originalName !== trimmedName && (
                    <Helper>
                      Imported as <code className="font-mono break-all text-foreground">{fn.originalName}</code>.
                    </Helper>
                  )}
                </div>
              </Field>

              <Field>
                <Label htmlFor={ids.category}>Class</Label>
                <Input
                  id={ids.category}
                  value={category}
                  onChange={(e) => setCategory(e.target.value)}
                  placeholder="No class"
                  autoComplete="off"
                  aria-invalid={categoryError ? true : undefined}
                  aria-describedby={ids.categoryHelp}
                />
                <div id={ids.categoryHelp}>
                  {categoryError ? (
                    <FieldMessage level="error">{categoryError}</FieldMessage>
                  ) : (
                    <Helper>
                      The group it belongs to: a BFCL class, ToolBench tool or MCP server. Leave empty for none.
                    </Helper>
                  )}
                </div>
              </Field>

              <Field>
                <Label htmlFor={ids.tags}>Tags</Label>
                <TagsInput
                  id={ids.tags}
                  describedBy={ids.tagsHelp}
                  tags={tags}
                  draft={tagDraft}
                  invalid={tagsError !== null}
                  onTags={setTags}
                  onDraft={setTagDraft}
                />
                <div id={ids.tagsHelp}>
                  {tagsError ? (
                    <FieldMessage level="error">{tagsError}</FieldMessage>
                  ) : (
                    <Helper>
                      Press Enter or type a comma to add a tag; Backspace in the empty field removes the last one.
                    </Helper>
                  )}
                </div>
              </Field>

              <Field>
                <div className="flex items-baseline justify-between gap-2">
                  <Label htmlFor={ids.description}>Description</Label>
                  <span
                    className={cn('text-xs tabular-nums text-muted-foreground', descriptionError && 'text-destructive')}
                    aria-hidden="true"
                  >
                    {description.length.toLocaleString('en-US')} / {MAX_DESCRIPTION.toLocaleString('en-US')}
                  </span>
                </div>
                <Textarea
                  id={ids.description}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                  className="max-h-[24rem] min-h-32 leading-relaxed"
                  placeholder="What the function does, when to call it, and what it returns."
                  aria-invalid={descriptionError ? true : undefined}
                  aria-describedby={ids.descriptionHelp}
                />
                <div id={ids.descriptionHelp}>
                  {descriptionError ? (
                    <FieldMessage level="error">{descriptionError}</FieldMessage>
                  ) : description.trim() === '' ? (
                    <FieldMessage level="warning">
                      No description: the teacher model translates functions much better with one.
                    </FieldMessage>
                  ) : (
                    <Helper>Shown to the model as the function&apos;s documentation.</Helper>
                  )}
                </div>
              </Field>
            </div>
          </div>

          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-xl border bg-card px-5 py-4 text-sm shadow-xs">
            <dt className="text-muted-foreground">Version</dt>
            <dd className="font-mono tabular-nums">{base.version}</dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd className="tabular-nums">{formatDate(fn.createdAt)}</dd>
            <dt className="text-muted-foreground">Updated</dt>
            <dd className="tabular-nums">{formatDate(base.updatedAt)}</dd>
            <dt className="text-muted-foreground">Edited in studio</dt>
            <dd className="tabular-nums">{base.editedAt ? formatDate(base.editedAt) : 'Never'}</dd>
          </dl>

          <FunctionExecutor projectId={projectId} functionId={fn.id} />
        </section>

        {/* Right: schemas */}
        <section aria-label="Schemas" className="min-w-0">
          <Tabs value={tab} onValueChange={setTab} className="gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <TabsList>
                <TabsTrigger value="parameters" className="px-3">
                  Parameters
                  <CountBadge errors={params.errors} warnings={params.warnings} />
                </TabsTrigger>
                <TabsTrigger value="returns" className="px-3">
                  Returns
                  <CountBadge errors={returns.errors} warnings={returns.warnings} />
                </TabsTrigger>
                <TabsTrigger value="original" className="px-3">
                  Original
                </TabsTrigger>
              </TabsList>
              {tab === 'parameters' && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={!params.value}
                  onClick={() => formatSchema(params, setParamsText)}
                >
                  <AlignLeftIcon aria-hidden="true" />
                  Format
                </Button>
              )}
              {tab === 'returns' && (
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={!returns.value}
                    onClick={() => formatSchema(returns, setReturnsText)}
                  >
                    <AlignLeftIcon aria-hidden="true" />
                    Format
                  </Button>
                  <Button variant="ghost" size="sm" disabled={returnsText === ''} onClick={() => setReturnsText('')}>
                    <EraserIcon aria-hidden="true" />
                    Clear
                  </Button>
                </div>
              )}
            </div>

            {/* Mounted all the time, so each editor keeps its undo history and scroll position. */}
            <TabsContent value="parameters" forceMount className="grid gap-2 data-[state=inactive]:hidden">
              <p id={ids.paramsHelp} className="text-sm text-muted-foreground">
                A JSON Schema (draft 2020-12) with{' '}
                <code className="font-mono text-foreground">&quot;type&quot;: &quot;object&quot;</code>; its properties
                are the function&apos;s arguments.
              </p>
              <JsonEditor
                value={paramsText}
                onChange={setParamsText}
                ariaLabel="Parameters JSON Schema"
                ariaDescribedBy={ids.paramsHelp}
                extraDiagnostics={diagnoseParams}
                invalid={params.errors > 0}
                height={EDITOR_HEIGHT}
              />
              <ProblemList check={params} okText="Valid parameters schema." />
            </TabsContent>

            <TabsContent value="returns" forceMount className="grid gap-2 data-[state=inactive]:hidden">
              <p id={ids.returnsHelp} className="text-sm text-muted-foreground">
                Optional. The JSON Schema of what the function returns; leave it empty when the function declares no
                output.
              </p>
              <JsonEditor
                value={returnsText}
                onChange={setReturnsText}
                ariaLabel="Returns JSON Schema"
                ariaDescribedBy={ids.returnsHelp}
                extraDiagnostics={diagnoseReturns}
                allowEmpty
                placeholder="No returns schema"
                invalid={returns.errors > 0}
                height={EDITOR_HEIGHT}
              />
              <ProblemList
                check={returns}
                okText={returns.value === null ? 'No returns schema.' : 'Valid returns schema.'}
              />
            </TabsContent>

            <TabsContent value="original" className="grid gap-3">
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-lg border bg-card px-4 py-3 text-sm">
                <dt className="text-muted-foreground">Source format</dt>
                <dd className="font-mono">{fn.sourceFormat}</dd>
                <dt className="text-muted-foreground">Original name</dt>
                <dd className="font-mono break-all">{fn.originalName}</dd>
                <dt className="text-muted-foreground">Import</dt>
                <dd>
                  {fn.import ? (
                    <>
                      {formatDate(fn.import.createdAt)}
                      {fileNames.length > 0 && (
                        <span className="text-muted-foreground">
                          {' '}
                          from <span className="break-all text-foreground">{fileNames.join(', ')}</span>
                        </span>
                      )}
                    </>
                  ) : (
                    <span className="text-muted-foreground">Not recorded</span>
                  )}
                </dd>
              </dl>
              {fn.raw === null || fn.raw === undefined ? (
                <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
                  No original entry was kept for this function.
                </p>
              ) : (
                <>
                  <p className="text-sm text-muted-foreground">
                    The entry exactly as the source file had it, before normalization. Read-only.
                  </p>
                  <JsonEditor
                    value={pretty(fn.raw)}
                    ariaLabel="Original entry (read-only)"
                    readOnly
                    height={EDITOR_HEIGHT}
                  />
                </>
              )}
            </TabsContent>
          </Tabs>
        </section>
      </div>

      {/* Keep the library link reachable at the end of the form too. */}
      <div className="px-6 pb-8 text-sm">
        <Link
          href={libraryHref}
          className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
        >
          ← Back to the library
        </Link>
      </div>
    </div>
  );
}

const EDITOR_HEIGHT = 'max(360px, calc(100dvh - 340px))';

// ---------------------------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------------------------

function Field({ children }: { children: ReactNode }) {
  return <div className="grid gap-2">{children}</div>;
}

function Helper({ children }: { children: ReactNode }) {
  return <p className="text-xs leading-relaxed text-muted-foreground">{children}</p>;
}

function FieldMessage({ level, children }: { level: 'error' | 'warning'; children: ReactNode }) {
  const Icon = level === 'error' ? CircleAlertIcon : TriangleAlertIcon;
  return (
    <p className={cn('flex gap-1.5 text-xs leading-relaxed', level === 'error' ? 'text-destructive' : 'text-warning')}>
      <Icon className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
      <span className={level === 'warning' ? 'text-foreground/80' : undefined}>{children}</span>
    </p>
  );
}

function CountBadge({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors > 0) {
    return (
      <span className="rounded-full bg-destructive/12 px-1.5 text-xs font-semibold tabular-nums text-destructive">
        {errors}
        <span className="sr-only"> {errors === 1 ? 'error' : 'errors'}</span>
      </span>
    );
  }
  if (warnings > 0) {
    return (
      <span className="rounded-full bg-warning/12 px-1.5 text-xs font-semibold tabular-nums text-warning">
        {warnings}
        <span className="sr-only"> {warnings === 1 ? 'warning' : 'warnings'}</span>
      </span>
    );
  }
  return null;
}

function ProblemList({ check, okText }: { check: SchemaCheck; okText: string }) {
  return (
    <div aria-live="polite" className="min-h-6">
      {check.problems.length === 0 ? (
        <p className="flex items-center gap-1.5 text-xs text-success">
          <CircleCheckIcon className="size-3.5" aria-hidden="true" />
          {okText}
        </p>
      ) : (
        <ul className="grid max-h-40 gap-1 overflow-y-auto rounded-md border bg-card px-3 py-2">
          {check.problems.map((p, i) => {
            const Icon = p.level === 'error' ? CircleAlertIcon : TriangleAlertIcon;
            return (
              <li key={i} className="flex gap-2 text-xs leading-relaxed">
                <Icon
                  className={cn('mt-0.5 size-3.5 shrink-0', p.level === 'error' ? 'text-destructive' : 'text-warning')}
                  aria-hidden="true"
                />
                {p.line !== null && (
                  <span className="shrink-0 font-mono tabular-nums text-muted-foreground">Line {p.line}</span>
                )}
                <span className="min-w-0 break-words">
                  <span className="sr-only">{p.level === 'error' ? 'Error: ' : 'Warning: '}</span>
                  {p.message}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function TagsInput({
  id,
  describedBy,
  tags,
  draft,
  invalid,
  onTags,
  onDraft,
}: {
  id: string;
  describedBy: string;
  tags: string[];
  draft: string;
  invalid: boolean;
  onTags: (tags: string[]) => void;
  onDraft: (draft: string) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const add = (items: string[]) => {
    const fresh = items.filter((t, i) => !tags.includes(t) && items.indexOf(t) === i);
    if (fresh.length) onTags([...tags, ...fresh]);
  };
  const commit = () => {
    add(splitTags(draft));
    onDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'Tab') {
      if (draft.trim() === '') return;
      if (e.key === 'Enter') e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
      e.preventDefault();
      onTags(tags.slice(0, -1));
    }
  };
  const onChange = (value: string) => {
    if (!value.includes(',')) {
      onDraft(value);
      return;
    }
    // Typing or pasting commas adds every finished tag; the text after the last comma stays.
    const parts = value.split(',');
    const rest = parts.pop() ?? '';
    add(parts.map((p) => p.trim()).filter(Boolean));
    onDraft(rest.trimStart());
  };
  return (
    <div
      className={cn(
        'flex min-h-9 w-full cursor-text flex-wrap items-center gap-1.5 rounded-md border border-input bg-transparent px-2 py-1.5 shadow-xs transition-[color,box-shadow]',
        'focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50',
        invalid && 'border-destructive focus-within:border-destructive focus-within:ring-destructive/20',
      )}
      onClick={(e) => {
        if (e.target === e.currentTarget) inputRef.current?.focus();
      }}
    >
      <ul className="contents" aria-label="Tags">
        {tags.map((tag) => (
          <li
            key={tag}
            className={cn(
              'inline-flex max-w-full items-center gap-1 rounded-md border bg-secondary py-0.5 pr-0.5 pl-2 text-xs font-medium text-secondary-foreground',
              tag.length > MAX_TAG && 'border-destructive/50 text-destructive',
            )}
          >
            <span className="truncate">{tag}</span>
            <button
              type="button"
              className="rounded-sm p-0.5 text-muted-foreground hover:bg-background hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onTags(tags.filter((t) => t !== tag))}
            >
              <XIcon className="size-3" aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={inputRef}
        id={id}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        placeholder={tags.length === 0 ? 'Add tags…' : ''}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="h-6 min-w-24 flex-1 bg-transparent text-base outline-none placeholder:text-muted-foreground md:text-sm"
      />
    </div>
  );
}
