'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, Plus, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useState } from 'react';
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
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { ListFooter } from '@/components/ui/list-footer';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableNotice, TableRow } from '@/components/ui/table';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toaster';
import {
  createPath,
  deletePaths,
  exportUrl,
  fetchGraphStats,
  filterParams,
  listPaths,
  listRecipes,
  searchFunctions,
  type PathListFilter,
} from './api';
import { PathStats } from './path-stats';
import { PathStrip } from './path-strip';
import { SampleDialog } from './sample-dialog';

const PAGE_SIZE = 50;
const ALL = '__all__';
const OPS = [
  ['merge', 'Merge'],
  ['insert_nested', 'Insert (nested)'],
  ['insert_long', 'Insert (long)'],
  ['split', 'Split'],
  ['edit', 'Hand edits'],
] as const;

export function PathsView({ projectId }: { projectId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [recipeId, setRecipeId] = useState(ALL);
  const [scenario, setScenario] = useState(ALL);
  const [operation, setOperation] = useState(ALL);
  const [minTurns, setMinTurns] = useState('');
  const [maxTurns, setMaxTurns] = useState('');
  const [fnName, setFnName] = useState('');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  // Counts and a name search, not the whole graph: the list page must stay light at 5,000 functions.
  const graphStats = useQuery({ queryKey: ['graph-stats', projectId], queryFn: () => fetchGraphStats(projectId) });
  const recipes = useQuery({ queryKey: ['recipes', projectId], queryFn: () => listRecipes(projectId) });
  const typed = useDeferredValue(fnName.trim());
  const matches = useQuery({
    queryKey: ['functions', projectId, 'names', typed],
    queryFn: () => searchFunctions(projectId, typed),
    enabled: typed !== '',
    placeholderData: keepPreviousData,
  });
  const functionId = typed ? matches.data?.functions.find((f) => f.name === typed)?.id : undefined;

  const filter: PathListFilter = {
    ...(recipeId !== ALL && { recipeId }),
    ...(scenario === 'curator'
      ? { origin: 'curator' as const }
      : scenario !== ALL && { scenario: scenario as PathListFilter['scenario'] }),
    ...(operation !== ALL && { operations: operation }),
    ...(minTurns !== '' && { minTurns: Number(minTurns) }),
    ...(maxTurns !== '' && { maxTurns: Number(maxTurns) }),
    ...(functionId && { functionId }),
  };
  const unknownFunction = typed !== '' && !functionId && matches.isSuccess && !matches.isPlaceholderData;
  const filtered = filterParams(filter).size > 0;

  const list = useQuery({
    queryKey: ['paths', projectId, 'list', filter, page],
    queryFn: () => listPaths(projectId, filter, page * PAGE_SIZE, PAGE_SIZE),
    placeholderData: keepPreviousData,
    enabled: !unknownFunction,
  });
  const reset =
    <T,>(fn: (v: T) => void) =>
    (v: T) => {
      fn(v);
      setPage(0);
      setSelected(new Set());
    };

  const remove = useMutation({
    mutationFn: (body: { ids: string[] } | { filter: PathListFilter }) => deletePaths(projectId, body),
    onSuccess: ({ deleted }) => {
      setSelected(new Set());
      queryClient.invalidateQueries({ queryKey: ['paths', projectId] });
      queryClient.invalidateQueries({ queryKey: ['recipes', projectId] });
      toast({ title: `Deleted ${deleted.toLocaleString()} path${deleted === 1 ? '' : 's'}`, variant: 'success' });
    },
    onError: (e) => toast({ title: 'Delete failed', description: e.message, variant: 'destructive' }),
  });
  const create = useMutation({
    mutationFn: () => createPath(projectId, 'New path'),
    onSuccess: ({ path }) => router.push(`/p/${projectId}/paths/${path.id}`),
    onError: (e) => toast({ title: 'Could not create a path', description: e.message, variant: 'destructive' }),
  });

  const paths = list.data?.paths ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const accepted = graphStats.data ? (graphStats.data.byStatus.accepted ?? 0) : null;
  const noPathsAtAll = !filtered && list.isSuccess && total === 0;
  const toDelete = selected.size > 0 ? { ids: [...selected] } : { filter };
  const deleteCount = selected.size > 0 ? selected.size : total;

  return (
    <div className="space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-2">
        <FilterSelect
          label="Recipe"
          value={recipeId}
          onChange={reset(setRecipeId)}
          options={[
            [ALL, 'All recipes'],
            ...(recipes.data?.recipes ?? []).map((r) => [r.id, `${r.name} (${r.paths})`] as const),
          ]}
        />
        <FilterSelect
          label="Scenario"
          value={scenario}
          onChange={reset(setScenario)}
          options={[
            [ALL, 'All scenarios'],
            ['miss_param', 'miss_param (asks for a value)'],
            ['miss_func', 'miss_func (function withheld)'],
            ['any_split', 'any split turn'],
            ['none', 'no split turn'],
            ['curator', 'built by hand'],
          ]}
        />
        <FilterSelect
          label="Operation"
          value={operation}
          onChange={reset(setOperation)}
          options={[[ALL, 'Any operations'], ...OPS.map(([k, v]) => [k, `with ${v.toLowerCase()}`] as const)]}
        />
        <div className="flex items-center gap-1">
          <Input
            aria-label="At least this many turns"
            placeholder="min turns"
            type="number"
            min={0}
            className="w-28"
            value={minTurns}
            onChange={(e) => reset(setMinTurns)(e.target.value)}
          />
          <span className="text-muted-foreground">–</span>
          <Input
            aria-label="At most this many turns"
            placeholder="max turns"
            type="number"
            min={0}
            className="w-28"
            value={maxTurns}
            onChange={(e) => reset(setMaxTurns)(e.target.value)}
          />
        </div>
        <Input
          aria-label="Calling function"
          placeholder="calling function…"
          list="path-functions"
          className="w-56 font-mono text-[13px]"
          value={fnName}
          aria-invalid={unknownFunction || undefined}
          onChange={(e) => reset(setFnName)(e.target.value)}
        />
        <datalist id="path-functions">
          {(matches.data?.functions ?? []).map((f) => (
            <option key={f.id} value={f.name} />
          ))}
        </datalist>
        <div className="ml-auto flex items-center gap-2">
          {(selected.size > 0 || (filtered && total > 0)) && (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button variant="destructive" size="sm">
                  <Trash2 className="size-4" aria-hidden /> Delete{' '}
                  {selected.size > 0 ? deleteCount : `${deleteCount.toLocaleString()} matching`}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>
                    Delete {deleteCount.toLocaleString()} path{deleteCount === 1 ? '' : 's'}?
                  </AlertDialogTitle>
                  <AlertDialogDescription>
                    {selected.size > 0 ? 'The selected paths' : 'Every path that matches the filters'} and their turns
                    are deleted. Recipes stay.
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <AlertDialogAction variant="destructive" onClick={() => remove.mutate(toDelete)}>
                    Delete
                  </AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          )}
          <Button variant="outline" asChild disabled={total === 0}>
            <a href={exportUrl(projectId, filter)} download>
              <Download className="size-4" aria-hidden /> Export JSONL
            </a>
          </Button>
          <Button variant="outline" onClick={() => create.mutate()} disabled={create.isPending}>
            <Plus className="size-4" aria-hidden /> New path
          </Button>
          <SampleDialog
            projectId={projectId}
            recipes={recipes.data?.recipes ?? []}
            acceptedEdges={accepted}
            onSampled={(id) => {
              setRecipeId(id);
              setPage(0);
            }}
          />
        </div>
      </div>

      {noPathsAtAll ? (
        <EmptyState
          title="No paths yet"
          description={
            accepted === 0
              ? 'Paths walk accepted edges. Accept edges in the Graph stage first, or sample with “walk proposed edges too”; or build a path by hand.'
              : 'Sample a batch with a recipe, or build a path by hand.'
          }
        />
      ) : (
        <Tabs defaultValue="list">
          <TabsList>
            <TabsTrigger value="list">Paths</TabsTrigger>
            <TabsTrigger value="stats">Statistics</TabsTrigger>
          </TabsList>
          <TabsContent value="list">
            <div className="bg-card rounded-lg border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead className="w-10">
                      <Checkbox
                        aria-label="Select all on this page"
                        checked={
                          paths.length > 0 && paths.every((p) => selected.has(p.id))
                            ? true
                            : selected.size > 0
                              ? 'indeterminate'
                              : false
                        }
                        onCheckedChange={(v) => setSelected(v ? new Set(paths.map((p) => p.id)) : new Set())}
                      />
                    </TableHead>
                    <TableHead className="w-14">#</TableHead>
                    <TableHead>Path</TableHead>
                    <TableHead className="w-16 text-right">Turns</TableHead>
                    <TableHead className="w-16 text-right">Calls</TableHead>
                    <TableHead className="w-56">Operations</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {unknownFunction ? (
                    <TableNotice colSpan={6} tone="error">
                      No function is named “{fnName.trim()}” in this library.
                    </TableNotice>
                  ) : list.isError ? (
                    <TableNotice colSpan={6} tone="error">
                      Could not load paths: {list.error.message}
                    </TableNotice>
                  ) : paths.length === 0 && !list.isPending ? (
                    <TableNotice colSpan={6}>No path matches these filters.</TableNotice>
                  ) : (
                    paths.map((p) => {
                      const ops = new Map<string, number>();
                      for (const o of p.history) if (o.op !== 'walk') ops.set(o.op, (ops.get(o.op) ?? 0) + 1);
                      return (
                        <TableRow
                          key={p.id}
                          data-state={selected.has(p.id) ? 'selected' : undefined}
                          className="cursor-pointer"
                          onClick={() => router.push(`/p/${projectId}/paths/${p.id}`)}
                        >
                          <TableCell className="py-2 align-top" onClick={(e) => e.stopPropagation()}>
                            <Checkbox
                              aria-label={`Select path ${p.ordinal}`}
                              checked={selected.has(p.id)}
                              onCheckedChange={(v) => {
                                const next = new Set(selected);
                                if (v) next.add(p.id);
                                else next.delete(p.id);
                                setSelected(next);
                              }}
                            />
                          </TableCell>
                          <TableCell className="text-muted-foreground py-2 align-top tabular-nums">
                            <Link
                              href={`/p/${projectId}/paths/${p.id}`}
                              onClick={(e) => e.stopPropagation()}
                              className="hover:underline"
                            >
                              {p.ordinal}
                            </Link>
                          </TableCell>
                          <TableCell className="py-2 align-top">
                            {p.name && <div className="mb-1 text-sm font-medium">{p.name}</div>}
                            {p.turns.length ? (
                              <PathStrip turns={p.turns} />
                            ) : (
                              <span className="text-muted-foreground text-sm">empty</span>
                            )}
                            {p.stopReason && <p className="text-muted-foreground mt-1 text-xs">walk: {p.stopReason}</p>}
                          </TableCell>
                          <TableCell className="py-2 text-right align-top tabular-nums">{p.turnCount}</TableCell>
                          <TableCell className="py-2 text-right align-top tabular-nums">{p.callCount}</TableCell>
                          <TableCell className="py-2 align-top">
                            <div className="flex flex-wrap gap-1">
                              {p.origin === 'curator' && <Badge variant="outline">by hand</Badge>}
                              {[...ops].map(([op, n]) => (
                                <Badge
                                  key={op}
                                  variant={op === 'split' ? 'warning' : 'secondary'}
                                  className="font-normal"
                                >
                                  {op.replace('_', ' ')}
                                  {n > 1 && ` ×${n}`}
                                </Badge>
                              ))}
                            </div>
                          </TableCell>
                        </TableRow>
                      );
                    })
                  )}
                </TableBody>
              </Table>
              <ListFooter
                status={
                  <>
                    {list.isPending
                      ? 'Loading…'
                      : `${total.toLocaleString()} path${total === 1 ? '' : 's'}${filtered ? ' match' : ''}`}
                    {selected.size > 0 && ` · ${selected.size} selected`}
                  </>
                }
                page={page}
                pages={pages}
                onPage={setPage}
              />
            </div>
          </TabsContent>
          <TabsContent value="stats">
            <PathStats projectId={projectId} filter={filter} />
          </TabsContent>
        </Tabs>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger aria-label={label} className="w-auto min-w-40">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map(([v, l]) => (
          <SelectItem key={v} value={v}>
            {l}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
