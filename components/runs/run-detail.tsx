'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronRight, Download, RotateCcw, Square } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Fragment, useEffect, useRef, useState } from 'react';
import { PageHeader } from '@/components/shell/page-header';
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
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { ListFooter } from '@/components/ui/list-footer';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableNotice, TableRow } from '@/components/ui/table';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toaster';
import {
  cancelRun,
  fetchRun,
  isActive,
  listExchanges,
  listTrajectories,
  retryRun,
  trajectoriesExportUrl,
  type RunDetail,
} from './api';
import {
  compact,
  formatCost,
  formatSeconds,
  formatWhen,
  JsonBlock,
  n,
  RunProgress,
  RunStatusBadge,
  runTitle,
  teacherLabel,
} from './run-bits';

// Shorter pages than the other lists: the run's progress stays in view above them.
const PAGE_SIZE = 25;

export const conversationHref = (projectId: string, runId: string, trajectoryId: string) =>
  `/p/${projectId}/runs/${runId}/trajectories/${trajectoryId}`;

export function RunDetailView({ projectId, runId }: { projectId: string; runId: string }) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: ['runs', projectId, 'detail', runId],
    queryFn: () => fetchRun(projectId, runId),
    // Every second while the run is going; not at all once it has ended (or cannot be read).
    refetchInterval: (q) =>
      q.state.status === 'error' || (q.state.data && !isActive(q.state.data.status)) ? false : 1000,
    staleTime: 0,
  });
  const r = run.data;
  const active = r ? isActive(r.status) : false;

  // When the run ends, the lists below get one last, complete read.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) {
      queryClient.invalidateQueries({ queryKey: ['trajectories', projectId] });
      queryClient.invalidateQueries({ queryKey: ['exchanges', projectId, runId] });
      queryClient.invalidateQueries({ queryKey: ['runs', projectId, 'list'] });
    }
    wasActive.current = active;
  }, [active, projectId, runId, queryClient]);

  const crumb = (
    <>
      <Link href={`/p/${projectId}/runs`} className="text-muted-foreground font-normal hover:underline">
        Runs
      </Link>
      <span className="text-muted-foreground mx-1.5 font-normal">/</span>
    </>
  );

  if (run.isError)
    return (
      <>
        <PageHeader title={<>{crumb}Run</>} />
        <div className="p-6">
          <Alert variant="destructive">
            <AlertTitle>Could not load this run</AlertTitle>
            <AlertDescription>{run.error.message}</AlertDescription>
          </Alert>
        </div>
      </>
    );

  return (
    <>
      <PageHeader
        title={
          <>
            {crumb}
            {r ? runTitle(r) : 'Run'}
          </>
        }
        description={
          r
            ? [
                teacherLabel(r.teacher),
                `${n(r.total)} path${r.total === 1 ? '' : 's'}`,
                `concurrency ${r.config.concurrency}`,
                `${r.config.repairs} repair${r.config.repairs === 1 ? '' : 's'}`,
                r.config.seed ? `seed ${r.config.seed}` : null,
                `created ${formatWhen(r.createdAt)}`,
              ]
                .filter(Boolean)
                .join(' · ')
            : 'Loading…'
        }
        actions={r && <RunActions projectId={projectId} run={r} />}
      />
      {r && (
        <div className="space-y-6 p-6">
          {r.error && (
            <Alert variant="destructive">
              <AlertTitle>The run stopped</AlertTitle>
              <AlertDescription className="break-words whitespace-pre-wrap">{r.error}</AlertDescription>
            </Alert>
          )}
          <ProgressPanel run={r} />
          <Usage run={r} />
          {r.failures.length > 0 && <Failures projectId={projectId} run={r} />}
          <Tabs defaultValue="conversations">
            <TabsList>
              <TabsTrigger value="conversations">Conversations</TabsTrigger>
              <TabsTrigger value="exchanges">LLM exchanges</TabsTrigger>
            </TabsList>
            <TabsContent value="conversations">
              <Conversations projectId={projectId} runId={runId} active={active} />
            </TabsContent>
            <TabsContent value="exchanges">
              <Exchanges projectId={projectId} runId={runId} active={active} template={r.teacher === 'template'} />
            </TabsContent>
          </Tabs>
        </div>
      )}
    </>
  );
}

function RunActions({ projectId, run }: { projectId: string; run: RunDetail }) {
  const queryClient = useQueryClient();
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['runs', projectId] });
    queryClient.invalidateQueries({ queryKey: ['trajectories', projectId] });
  };
  const cancel = useMutation({
    mutationFn: () => cancelRun(projectId, run.id),
    onSuccess: () => {
      refresh();
      toast({ title: 'Run cancelled', description: 'Conversations already written stay.', variant: 'success' });
    },
    onError: (e) => toast({ title: 'Could not cancel the run', description: e.message, variant: 'destructive' }),
  });
  const retry = useMutation({
    mutationFn: () => retryRun(projectId, run.id),
    onSuccess: () => refresh(),
    onError: (e) => toast({ title: 'Could not retry', description: e.message, variant: 'destructive' }),
  });
  const retryable = run.jobs.failed + run.jobs.cancelled;
  return (
    <>
      <Button variant="outline" asChild>
        <a href={trajectoriesExportUrl(projectId, run.id)} download>
          <Download className="size-4" aria-hidden /> Download JSONL
        </a>
      </Button>
      {!isActive(run.status) && retryable > 0 && (
        <Button variant="outline" onClick={() => retry.mutate()} disabled={retry.isPending}>
          <RotateCcw className="size-4" aria-hidden />
          {run.jobs.failed > 0 ? `Retry ${n(run.jobs.failed)} failed` : `Resume ${n(retryable)} not run`}
        </Button>
      )}
      {isActive(run.status) && (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" className="text-destructive hover:text-destructive" disabled={cancel.isPending}>
              <Square className="size-4" aria-hidden /> Cancel run
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Cancel this run?</AlertDialogTitle>
              <AlertDialogDescription>
                {n(run.jobs.queued)} queued path{run.jobs.queued === 1 ? ' is' : 's are'} not started and the{' '}
                {n(run.jobs.running)} being translated now {run.jobs.running === 1 ? 'is' : 'are'} dropped. The{' '}
                {n(run.succeeded + run.failed)} conversation{run.succeeded + run.failed === 1 ? '' : 's'} already
                written stay. You can resume the rest later.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep running</AlertDialogCancel>
              <AlertDialogAction variant="destructive" onClick={() => cancel.mutate()}>
                Cancel run
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      )}
    </>
  );
}

function ProgressPanel({ run }: { run: RunDetail }) {
  const finished = run.succeeded + run.failed;
  const active = isActive(run.status);
  const took =
    run.startedAt && run.finishedAt
      ? (new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000
      : null;
  const counts: [string, number, string][] = [
    ['translated', run.succeeded, 'bg-success'],
    ['failed', run.failed, 'bg-destructive'],
    ['queued', run.jobs.queued, 'bg-muted-foreground/40'],
    ['running', run.jobs.running, 'bg-primary'],
  ];
  if (run.jobs.cancelled > 0) counts.push(['cancelled', run.jobs.cancelled, 'bg-warning']);
  return (
    <section aria-label="Progress" className="bg-card space-y-3 rounded-lg border p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <div className="flex items-center gap-3">
          <RunStatusBadge status={run.status} />
          <span className="text-lg font-semibold tabular-nums">
            {n(finished)} <span className="text-muted-foreground font-normal">of {n(run.total)} paths</span>
          </span>
        </div>
        <div className="text-muted-foreground text-sm tabular-nums" data-testid="run-rate">
          {active ? (
            run.rate ? (
              <>
                {run.rate.toFixed(run.rate < 10 ? 1 : 0)} paths/s
                {run.etaSeconds ? ` · about ${formatSeconds(run.etaSeconds)} left` : ''}
              </>
            ) : run.status === 'queued' ? (
              'waiting for a worker…'
            ) : (
              'estimating…'
            )
          ) : took !== null ? (
            <>
              took {formatSeconds(took)}
              {took > 0 && finished > 0 && ` · ${(finished / took).toFixed(finished / took < 10 ? 1 : 0)} paths/s`}
            </>
          ) : (
            `ended ${formatWhen(run.finishedAt)}`
          )}
        </div>
      </div>
      <RunProgress total={run.total} succeeded={run.succeeded} failed={run.failed} className="h-3" />
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Paths by state">
        {counts.map(([label, value, dot]) => (
          <li key={label} className="flex items-center gap-2">
            <span className={`size-2 rounded-full ${dot}`} aria-hidden />
            <span className="tabular-nums">
              {n(value)} {label}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Usage({ run }: { run: RunDetail }) {
  const template = run.teacher === 'template';
  const items: [string, string, string?][] = [
    ['Requests', n(run.requests), template ? 'no model is asked' : undefined],
    [
      'Cache hits',
      n(run.cacheHits),
      run.requests + run.cacheHits > 0
        ? `${Math.round((run.cacheHits / (run.requests + run.cacheHits)) * 100)}% of calls`
        : undefined,
    ],
    ['Tokens in', compact(run.tokensIn), run.tokensIn >= 1000 ? n(run.tokensIn) : undefined],
    ['Tokens out', compact(run.tokensOut), run.tokensOut >= 1000 ? n(run.tokensOut) : undefined],
    ['Cost', template ? '—' : formatCost(run.cost), template ? 'free' : 'from the teacher’s prices'],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {items.map(([label, value, hint]) => (
        <div key={label} className="bg-card rounded-lg border px-4 py-3">
          <dt className="text-muted-foreground text-xs font-medium">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          <dd className="text-muted-foreground min-h-4 text-xs">{hint}</dd>
        </div>
      ))}
    </dl>
  );
}

function Failures({ projectId, run }: { projectId: string; run: RunDetail }) {
  return (
    <section aria-labelledby="failures-heading" className="bg-card rounded-lg border">
      <div className="flex items-baseline justify-between gap-2 border-b px-4 py-3">
        <h2 id="failures-heading" className="font-medium">
          Latest failures
        </h2>
        <span className="text-muted-foreground text-xs">
          {run.failures.length < run.failed
            ? `the ${run.failures.length} latest of ${n(run.failed)}`
            : `${n(run.failed)} path${run.failed === 1 ? '' : 's'}`}
        </span>
      </div>
      <ul className="max-h-80 divide-y overflow-y-auto" data-testid="failures">
        {run.failures.map((f) => (
          <FailureItem key={f.jobId} projectId={projectId} runId={run.id} failure={f} />
        ))}
      </ul>
    </section>
  );
}

/** A failure links to its conversation when the path got far enough to have one. */
function FailureItem({
  projectId,
  runId,
  failure: f,
}: {
  projectId: string;
  runId: string;
  failure: RunDetail['failures'][number];
}) {
  const conversation = useQuery({
    queryKey: ['trajectories', projectId, 'of-path', runId, f.pathId],
    queryFn: () => listTrajectories(projectId, { runId, pathId: f.pathId! }, 0, 1),
    enabled: !!f.pathId,
    // A retried path gets a new trajectory: ask again whenever the failure reappears.
    staleTime: 0,
  });
  const trajectory = conversation.isFetchedAfterMount ? conversation.data?.trajectories[0] : undefined;
  return (
    <li className="grid gap-x-4 gap-y-0.5 px-4 py-2 text-sm sm:grid-cols-[16rem_1fr]">
      <div className="flex min-w-0 items-baseline gap-2">
        {trajectory ? (
          <Link
            href={conversationHref(projectId, runId, trajectory.id)}
            className="truncate font-medium hover:underline"
            title={`Open the conversation of ${f.pathName}`}
          >
            {f.pathName}
          </Link>
        ) : (
          <span className="truncate font-medium" title={f.pathName}>
            {f.pathName}
          </span>
        )}
        <span className="text-muted-foreground shrink-0 text-xs">
          {f.attempts} attempt{f.attempts === 1 ? '' : 's'}
          {!trajectory && conversation.isSuccess && ' · no conversation'}
        </span>
      </div>
      <p className="text-destructive min-w-0 break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
        {f.error || 'failed without a reason'}
      </p>
    </li>
  );
}

function Conversations({ projectId, runId, active }: { projectId: string; runId: string; active: boolean }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<'all' | 'ok' | 'failed'>('all');
  const [page, setPage] = useState(0);
  const list = useQuery({
    queryKey: ['trajectories', projectId, 'list', runId, outcome, page],
    queryFn: () =>
      listTrajectories(projectId, { runId, ...(outcome !== 'all' && { outcome }) }, page * PAGE_SIZE, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: active ? 2000 : false,
    staleTime: 0,
  });
  const rows = list.data?.trajectories ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-3">
      <Select
        value={outcome}
        onValueChange={(v) => {
          setOutcome(v as typeof outcome);
          setPage(0);
        }}
      >
        <SelectTrigger aria-label="Outcome" className="w-auto min-w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="all">All conversations</SelectItem>
          <SelectItem value="ok">Translated</SelectItem>
          <SelectItem value="failed">Failed</SelectItem>
        </SelectContent>
      </Select>
      <div className="bg-card rounded-lg border">
        <Table className="table-fixed">
          <TableHeader>
            <TableRow>
              <TableHead className="w-44 pl-4">Path</TableHead>
              <TableHead>Opening message</TableHead>
              <TableHead className="w-16 text-right">Turns</TableHead>
              <TableHead className="w-96 pr-4">Outcome</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.isError ? (
              <TableNotice colSpan={4} tone="error">
                Could not load conversations: {list.error.message}
              </TableNotice>
            ) : rows.length === 0 ? (
              <TableNotice colSpan={4}>
                {list.isPending
                  ? 'Loading…'
                  : active
                    ? 'No conversation written yet.'
                    : outcome === 'all'
                      ? 'This run wrote no conversation.'
                      : 'No conversation matches.'}
              </TableNotice>
            ) : (
              rows.map((t) => {
                const href = conversationHref(projectId, runId, t.id);
                return (
                  <TableRow
                    key={t.id}
                    className="cursor-pointer"
                    data-testid="conversation-row"
                    onClick={() => router.push(href)}
                  >
                    <TableCell className="truncate py-2 pl-4 align-top">
                      <Link
                        href={href}
                        onClick={(e) => e.stopPropagation()}
                        className="font-medium hover:underline"
                        title={t.pathName ?? undefined}
                      >
                        {t.pathName ?? '(path deleted)'}
                      </Link>
                    </TableCell>
                    <TableCell className="py-2 align-top whitespace-normal">
                      <p className="line-clamp-2 break-words" title={t.opening}>
                        {t.opening || <span className="text-muted-foreground">(no message)</span>}
                      </p>
                    </TableCell>
                    <TableCell className="py-2 text-right align-top tabular-nums">{t.turns}</TableCell>
                    <TableCell className="py-2 pr-4 align-top whitespace-normal">
                      {t.failure ? (
                        <div className="flex min-w-0 items-start gap-2">
                          <Badge variant="destructive">failed</Badge>
                          <span className="text-muted-foreground line-clamp-2 text-xs break-words" title={t.failure}>
                            {t.failure}
                          </span>
                        </div>
                      ) : (
                        <Badge variant="success">translated</Badge>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })
            )}
          </TableBody>
        </Table>
        <ListFooter
          status={
            list.isPending
              ? 'Loading…'
              : `${n(total)} conversation${total === 1 ? '' : 's'}${outcome === 'all' ? '' : ' match'}`
          }
          page={page}
          pages={pages}
          onPage={setPage}
        />
      </div>
    </div>
  );
}

function Exchanges({
  projectId,
  runId,
  active,
  template,
}: {
  projectId: string;
  runId: string;
  active: boolean;
  template: boolean;
}) {
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const list = useQuery({
    queryKey: ['exchanges', projectId, runId, errorsOnly, page],
    queryFn: () => listExchanges(projectId, runId, errorsOnly, page * PAGE_SIZE, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: active ? 2000 : false,
    staleTime: 0,
  });
  const rows = list.data?.exchanges ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <div className="space-y-3">
      <div className="flex h-9 items-center gap-2">
        <Checkbox
          id="errors-only"
          checked={errorsOnly}
          onCheckedChange={(v) => {
            setErrorsOnly(!!v);
            setPage(0);
          }}
        />
        <Label htmlFor="errors-only" className="font-normal">
          Errors only
        </Label>
      </div>
      <div className="bg-card rounded-lg border">
        <Table className="table-fixed">
          <TableHeader>
            <TableRow>
              <TableHead className="w-10 pl-3">
                <span className="sr-only">Expand</span>
              </TableHead>
              <TableHead className="w-24">Time</TableHead>
              <TableHead className="w-44">Operation</TableHead>
              <TableHead className="w-32 text-right">Tokens in / out</TableHead>
              <TableHead className="w-24 text-right">Latency</TableHead>
              <TableHead className="w-20">Cache</TableHead>
              <TableHead className="pr-4">Error</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.isError ? (
              <TableNotice colSpan={7} tone="error">
                Could not load exchanges: {list.error.message}
              </TableNotice>
            ) : rows.length === 0 ? (
              <TableNotice colSpan={7}>
                {list.isPending
                  ? 'Loading…'
                  : template
                    ? 'The template teacher asks no model, so this run has no exchanges.'
                    : errorsOnly
                      ? 'No exchange failed.'
                      : 'No exchange yet.'}
              </TableNotice>
            ) : (
              rows.map((x) => {
                const expanded = open.has(x.id);
                return (
                  <Fragment key={x.id}>
                    <TableRow
                      className="cursor-pointer"
                      data-testid="exchange-row"
                      aria-expanded={expanded}
                      onClick={() => toggle(x.id)}
                    >
                      <TableCell className="py-2 pl-3">
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-6"
                          aria-label={expanded ? 'Hide request and response' : 'Show request and response'}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggle(x.id);
                          }}
                        >
                          {expanded ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
                        </Button>
                      </TableCell>
                      <TableCell className="text-muted-foreground py-2 tabular-nums" title={formatWhen(x.createdAt)}>
                        {new Date(x.createdAt).toLocaleTimeString('en-US', { hour12: false })}
                      </TableCell>
                      <TableCell className="truncate py-2 font-mono text-xs">{x.operation}</TableCell>
                      <TableCell className="py-2 text-right tabular-nums">
                        {n(x.tokensIn)} / {n(x.tokensOut)}
                      </TableCell>
                      <TableCell className="py-2 text-right tabular-nums">{n(x.latencyMs)} ms</TableCell>
                      <TableCell className="py-2">{x.cached && <Badge variant="secondary">hit</Badge>}</TableCell>
                      <TableCell className="text-destructive truncate py-2 pr-4" title={x.error ?? undefined}>
                        {x.error}
                      </TableCell>
                    </TableRow>
                    {expanded && (
                      <TableRow className="hover:bg-transparent">
                        <TableCell colSpan={7} className="bg-muted/20 px-4 pt-1 pb-4 whitespace-normal">
                          {x.error && (
                            <p className="text-destructive mb-3 text-sm break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
                              {x.error}
                            </p>
                          )}
                          <div className="grid gap-3 lg:grid-cols-2">
                            <div className="min-w-0 space-y-1">
                              <h3 className="text-muted-foreground text-xs font-medium">Request</h3>
                              <JsonBlock value={x.request} label="Request" />
                            </div>
                            <div className="min-w-0 space-y-1">
                              <h3 className="text-muted-foreground text-xs font-medium">Response</h3>
                              {x.response == null ? (
                                <p className="text-muted-foreground text-sm">No response.</p>
                              ) : (
                                <JsonBlock value={x.response} label="Response" />
                              )}
                            </div>
                          </div>
                          <p className="text-muted-foreground mt-2 font-mono text-[11px] break-all">
                            request {x.requestHash}
                            {x.jobId && ` · job ${x.jobId}`}
                          </p>
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })
            )}
          </TableBody>
        </Table>
        <ListFooter
          status={
            list.isPending ? 'Loading…' : `${n(total)} exchange${total === 1 ? '' : 's'}${errorsOnly ? ' failed' : ''}`
          }
          page={page}
          pages={pages}
          onPage={setPage}
        />
      </div>
    </div>
  );
}
