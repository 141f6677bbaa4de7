'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ListFooter } from '@/components/ui/list-footer';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableNotice, TableRow } from '@/components/ui/table';
import { isActive, listRuns } from './api';
import { compact, formatCost, formatWhen, n, RunProgress, RunStatusBadge, runTitle, teacherLabel } from './run-bits';
import { StartRunDialog } from './start-run-dialog';

const PAGE_SIZE = 50;

export function RunsView({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [page, setPage] = useState(0);
  const list = useQuery({
    queryKey: ['runs', projectId, 'list', page],
    queryFn: () => listRuns(projectId, page * PAGE_SIZE, PAGE_SIZE),
    placeholderData: keepPreviousData,
    // Progress moves only while a run is going; the list stops asking once every run has ended.
    refetchInterval: (q) => (q.state.data?.runs.some((r) => isActive(r.status)) ? 1000 : false),
    staleTime: 0,
  });
  const runs = list.data?.runs ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (id: string) => `/p/${projectId}/runs/${id}`;

  return (
    <div className="space-y-4 p-6">
      <div className="flex items-center justify-between gap-2">
        <p className="text-muted-foreground text-sm">
          Each run translates a set of paths with one teacher. Runs go on in the background, even with this page closed.
        </p>
        <StartRunDialog projectId={projectId} />
      </div>

      {list.isSuccess && total === 0 ? (
        <EmptyState
          icon={Play}
          title="No runs yet"
          description="Start a run to turn paths into conversations. The built-in template teacher needs no model and translates about a hundred paths a second."
        />
      ) : (
        <div className="bg-card rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="pl-4">Run</TableHead>
                <TableHead className="w-28">Status</TableHead>
                <TableHead className="w-72">Progress</TableHead>
                <TableHead>Teacher</TableHead>
                <TableHead className="w-32 text-right">Tokens in / out</TableHead>
                <TableHead className="w-24 text-right">Cost</TableHead>
                <TableHead className="w-44 pr-4">Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isError ? (
                <TableNotice colSpan={7} tone="error">
                  Could not load runs: {list.error.message}
                </TableNotice>
              ) : list.isPending ? (
                <TableNotice colSpan={7}>Loading…</TableNotice>
              ) : (
                runs.map((r) => {
                  const finished = r.succeeded + r.failed;
                  return (
                    <TableRow
                      key={r.id}
                      className="cursor-pointer"
                      data-testid="run-row"
                      onClick={() => router.push(href(r.id))}
                    >
                      <TableCell className="max-w-80 py-2.5 pl-4">
                        <Link
                          href={href(r.id)}
                          onClick={(e) => e.stopPropagation()}
                          className="block truncate font-medium hover:underline"
                          title={runTitle(r)}
                        >
                          {runTitle(r)}
                        </Link>
                      </TableCell>
                      <TableCell className="py-2.5">
                        <RunStatusBadge status={r.status} />
                      </TableCell>
                      <TableCell className="py-2.5">
                        <div className="space-y-1">
                          <RunProgress total={r.total} succeeded={r.succeeded} failed={r.failed} />
                          <div className="text-muted-foreground text-xs tabular-nums">
                            {isActive(r.status) ? (
                              <>
                                {n(finished)} of {n(r.total)}
                                {r.failed > 0 && <span className="text-destructive"> · {n(r.failed)} failed</span>}
                              </>
                            ) : (
                              <>
                                <span className="text-foreground">{n(r.succeeded)} translated</span>
                                {r.failed > 0 && <span className="text-destructive"> · {n(r.failed)} failed</span>}
                                {finished < r.total && ` · ${n(r.total - finished)} not run`}
                              </>
                            )}
                          </div>
                          {r.error && (
                            <p className="text-destructive max-w-72 truncate text-xs" title={r.error}>
                              {r.error}
                            </p>
                          )}
                        </div>
                      </TableCell>
                      <TableCell className="max-w-48 truncate py-2.5" title={teacherLabel(r.teacher)}>
                        {teacherLabel(r.teacher)}
                      </TableCell>
                      <TableCell className="text-muted-foreground py-2.5 text-right tabular-nums">
                        {r.tokensIn + r.tokensOut > 0 ? `${compact(r.tokensIn)} / ${compact(r.tokensOut)}` : '—'}
                      </TableCell>
                      <TableCell className="py-2.5 text-right tabular-nums">
                        {r.teacher === 'template' ? (
                          <span className="text-muted-foreground">—</span>
                        ) : (
                          formatCost(r.cost)
                        )}
                      </TableCell>
                      <TableCell className="text-muted-foreground py-2.5 pr-4">{formatWhen(r.createdAt)}</TableCell>
                    </TableRow>
                  );
                })
              )}
            </TableBody>
          </Table>
          <ListFooter
            status={list.isPending ? 'Loading…' : `${n(total)} run${total === 1 ? '' : 's'}`}
            page={page}
            pages={pages}
            onPage={setPage}
          />
        </div>
      )}
    </div>
  );
}
