'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { listRecipes, type PathListFilter } from '@/components/paths/api';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { countPaths, keySource, listTeachers, startRun, type StartRunBody } from './api';
import { n } from './run-bits';
import { FormError } from '@/components/ui/form-error';

const SCENARIOS = [
  ['miss_param', 'miss_param (asks for a value)'],
  ['miss_func', 'miss_func (function withheld)'],
  ['any_split', 'any split turn'],
  ['none', 'no split turn'],
  ['curator', 'built by hand'],
] as const;

interface Form {
  name: string;
  /** `all`, `recipe:<id>` or `scenario:<scenario>`: one select covers every way of choosing paths. */
  scope: string;
  teacher: string;
  concurrency: string;
  repairs: string;
  seed: string;
}

const EMPTY: Form = { name: '', scope: 'all', teacher: 'template', concurrency: '', repairs: '1', seed: '' };

function scopeFilter(scope: string): PathListFilter {
  if (scope.startsWith('recipe:')) return { recipeId: scope.slice('recipe:'.length) };
  if (scope === 'scenario:curator') return { origin: 'curator' };
  if (scope.startsWith('scenario:'))
    return { scenario: scope.slice('scenario:'.length) as NonNullable<PathListFilter['scenario']> };
  return {};
}

/** Starts a run on a set of paths and opens it. The server validates; its message shows here. */
export function StartRunDialog({ projectId }: { projectId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(EMPTY);
  const set = (k: keyof Form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const recipes = useQuery({ queryKey: ['recipes', projectId], queryFn: () => listRecipes(projectId), enabled: open });
  const teachers = useQuery({
    queryKey: ['teachers', projectId],
    queryFn: () => listTeachers(projectId),
    enabled: open,
  });
  const filter = scopeFilter(form.scope);
  const count = useQuery({
    queryKey: ['paths', projectId, 'count', filter],
    queryFn: () => countPaths(projectId, filter),
    enabled: open,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const teacher = teachers.data?.teachers.find((t) => t.name === form.teacher);
  const defaultConcurrency = form.teacher === 'template' ? 4 : (teacher?.concurrency ?? 8);

  const start = useMutation({
    mutationFn: () => {
      const body: StartRunBody = {
        name: form.name.trim(),
        paths: { filter },
        teacher: form.teacher,
        ...(form.concurrency.trim() !== '' && { concurrency: Number(form.concurrency) }),
        ...(form.repairs.trim() !== '' && { repairs: Number(form.repairs) }),
        ...(form.seed.trim() && { seed: form.seed.trim() }),
      };
      return startRun(projectId, body);
    },
    onSuccess: ({ run }) => {
      setOpen(false);
      queryClient.invalidateQueries({ queryKey: ['runs', projectId] });
      router.push(`/p/${projectId}/runs/${run.id}`);
    },
  });

  const matching = count.data;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setForm(EMPTY);
          start.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Play className="size-4" aria-hidden /> Start run
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Start run</DialogTitle>
          <DialogDescription>
            A teacher turns each path into a conversation with executed function calls. The run goes on in the
            background; you can watch it, cancel it, and retry the paths that failed.
          </DialogDescription>
        </DialogHeader>
        <form
          id="start-run-form"
          noValidate
          className="grid grid-cols-2 gap-x-4 gap-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <div className="col-span-2 space-y-1">
            <Label htmlFor="run-name">Name</Label>
            <Input
              id="run-name"
              placeholder="e.g. first pass, template teacher"
              value={form.name}
              onChange={(e) => set('name')(e.target.value)}
            />
          </div>

          <div className="col-span-2 space-y-1">
            <Label htmlFor="run-paths">Paths</Label>
            <Select value={form.scope} onValueChange={set('scope')}>
              <SelectTrigger id="run-paths" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="all">All paths</SelectItem>
                {(recipes.data?.recipes.length ?? 0) > 0 && (
                  <>
                    <SelectSeparator />
                    <SelectGroup>
                      <SelectLabel>Paths of a recipe</SelectLabel>
                      {recipes.data!.recipes.map((r) => (
                        <SelectItem key={r.id} value={`recipe:${r.id}`}>
                          {r.name} ({n(r.paths)})
                        </SelectItem>
                      ))}
                    </SelectGroup>
                  </>
                )}
                <SelectSeparator />
                <SelectGroup>
                  <SelectLabel>Paths with a scenario</SelectLabel>
                  {SCENARIOS.map(([v, l]) => (
                    <SelectItem key={v} value={`scenario:${v}`}>
                      {l}
                    </SelectItem>
                  ))}
                </SelectGroup>
              </SelectContent>
            </Select>
            <p className="text-muted-foreground text-xs" aria-live="polite" data-testid="paths-matching">
              {count.isError
                ? `Could not count the paths: ${count.error.message}`
                : matching === undefined
                  ? 'Counting…'
                  : matching === 0
                    ? 'No path matches: sample paths in the Paths stage first.'
                    : `${n(matching)} path${matching === 1 ? '' : 's'} match`}
            </p>
          </div>

          <div className="col-span-2 space-y-1">
            <Label htmlFor="run-teacher">Teacher</Label>
            <Select value={form.teacher} onValueChange={set('teacher')}>
              <SelectTrigger id="run-teacher" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="template">Template (built in)</SelectItem>
                {(teachers.data?.teachers ?? []).map((t) => (
                  <SelectItem key={t.id} value={t.name}>
                    {t.name} <span className="text-muted-foreground">· {t.model}</span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <p className="text-muted-foreground text-xs">
              {form.teacher === 'template'
                ? 'Readable messages from descriptions and parameter names: no model, no cost, deterministic. '
                : `${teacher?.provider ?? ''} · key ${teacher ? keySource(teacher) : '…'}. `}
              <Link
                href={`/p/${projectId}/settings#teachers`}
                className="text-primary underline-offset-4 hover:underline"
              >
                Add a teacher in Settings
              </Link>
            </p>
            {teacher?.apiKey === 'env_missing' && (
              <p className="text-warning text-xs">
                ${teacher.apiKeyEnv} is not set where the studio runs: its requests will likely be refused.
              </p>
            )}
          </div>

          <div className="space-y-1">
            <Label htmlFor="run-concurrency">Concurrency</Label>
            <Input
              id="run-concurrency"
              type="number"
              min={1}
              max={256}
              placeholder={String(defaultConcurrency)}
              value={form.concurrency}
              onChange={(e) => set('concurrency')(e.target.value)}
            />
            <p className="text-muted-foreground text-xs">Paths at once (default {defaultConcurrency})</p>
          </div>
          <div className="space-y-1">
            <Label htmlFor="run-repairs">Repairs</Label>
            <Input
              id="run-repairs"
              type="number"
              min={0}
              max={3}
              value={form.repairs}
              onChange={(e) => set('repairs')(e.target.value)}
            />
            <p className="text-muted-foreground text-xs">Tries after a call fails its checks (0 to 3)</p>
          </div>
          <div className="col-span-2 space-y-1">
            <Label htmlFor="run-seed">Seed</Label>
            <Input
              id="run-seed"
              placeholder="optional"
              value={form.seed}
              onChange={(e) => set('seed')(e.target.value)}
            />
            <p className="text-muted-foreground text-xs">
              Empty: each path’s own seed. The same paths, teacher and seed give the same conversations.
            </p>
          </div>
        </form>
        {start.isError && <FormError>{start.error.message}</FormError>}
        <DialogFooter>
          <Button type="submit" form="start-run-form" disabled={start.isPending || matching === 0}>
            <Play className="size-4" aria-hidden />
            {start.isPending
              ? 'Starting…'
              : matching
                ? `Start run on ${n(matching)} path${matching === 1 ? '' : 's'}`
                : 'Start run'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
