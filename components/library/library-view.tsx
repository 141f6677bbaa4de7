'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  useReactTable,
} from '@tanstack/react-table';
import { Download, Search, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useMemo, useState } from 'react';
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
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { ListFooter } from '@/components/ui/list-footer';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableNotice, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/client/api';
import { ImportDialog } from './import-dialog';
import { FORMAT_LABELS, type Facets, type FunctionPage, type FunctionRowView } from './types';

const PAGE_SIZE = 50;
const ALL = '__all__';
/** Radix Select cannot hold '' as a value; this stands for "no class". */
const NONE = '__none__';

export function LibraryView({ projectId }: { projectId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState(ALL);
  const [tag, setTag] = useState(ALL);
  const [source, setSource] = useState(ALL);
  const [page, setPage] = useState(0);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const search = useDeferredValue(q);

  const filters = {
    q: search || undefined,
    category: category === ALL ? undefined : category === NONE ? '' : category,
    tag: tag === ALL ? undefined : tag,
    source: source === ALL ? undefined : source,
  };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) params.set(k, v);

  const facets = useQuery({
    queryKey: ['facets', projectId],
    queryFn: () => api<Facets>(`/api/projects/${projectId}/functions/facets`),
  });
  const list = useQuery({
    queryKey: ['functions', projectId, filters, page],
    queryFn: () =>
      api<FunctionPage>(`/api/projects/${projectId}/functions?${params}&offset=${page * PAGE_SIZE}&limit=${PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (ids: string[]) =>
      api<{ deleted: number }>(`/api/projects/${projectId}/functions`, { method: 'DELETE', json: { ids } }),
    onSuccess: ({ deleted }) => {
      setSelection({});
      queryClient.invalidateQueries({ queryKey: ['functions', projectId] });
      queryClient.invalidateQueries({ queryKey: ['facets', projectId] });
      toast({ title: `Deleted ${deleted} function${deleted === 1 ? '' : 's'}`, variant: 'success' });
    },
    onError: (e) => toast({ title: 'Delete failed', description: e.message, variant: 'destructive' }),
  });

  const columns = useMemo<ColumnDef<FunctionRowView>[]>(
    () => [
      {
        id: 'select',
        header: ({ table }) => (
          <Checkbox
            aria-label="Select all on this page"
            checked={
              table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? 'indeterminate' : false
            }
            onCheckedChange={(v) => table.toggleAllPageRowsSelected(!!v)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={`Select ${row.original.name}`}
            checked={row.getIsSelected()}
            onCheckedChange={(v) => row.toggleSelected(!!v)}
            onClick={(e) => e.stopPropagation()}
          />
        ),
      },
      {
        header: 'Function',
        cell: ({ row }) => (
          <div className="min-w-0">
            <Link
              href={`/p/${projectId}/library/${row.original.id}`}
              className="font-mono text-[13px] font-medium hover:underline"
              onClick={(e) => e.stopPropagation()}
            >
              {row.original.name}
            </Link>
            {row.original.description && (
              <p className="text-muted-foreground line-clamp-1 max-w-xl text-xs">{row.original.description}</p>
            )}
          </div>
        ),
      },
      {
        header: 'Class',
        cell: ({ row }) => (
          <span className="text-sm">{row.original.category || <span className="text-muted-foreground">—</span>}</span>
        ),
      },
      {
        header: 'Inputs',
        cell: ({ row }) => {
          const props = Object.keys(row.original.parameters.properties ?? {});
          const required = row.original.parameters.required?.length ?? 0;
          return (
            <span className="text-sm tabular-nums" title={props.join(', ')}>
              {props.length}
              {required > 0 && <span className="text-muted-foreground"> ({required} req.)</span>}
            </span>
          );
        },
      },
      {
        header: 'Returns',
        cell: ({ row }) =>
          row.original.returns ? (
            <Badge variant="secondary">schema</Badge>
          ) : (
            <span className="text-muted-foreground text-xs">none</span>
          ),
      },
      {
        header: 'Tags',
        cell: ({ row }) => (
          <div className="flex max-w-56 flex-wrap gap-1">
            {row.original.tags.slice(0, 3).map((t) => (
              <Badge key={t} variant="outline" className="font-normal">
                {t}
              </Badge>
            ))}
            {row.original.tags.length > 3 && (
              <span className="text-muted-foreground text-xs">+{row.original.tags.length - 3}</span>
            )}
          </div>
        ),
      },
      {
        header: 'Source',
        cell: ({ row }) => (
          <div className="flex items-center gap-1.5 text-xs">
            <span className="text-muted-foreground">
              {FORMAT_LABELS[row.original.sourceFormat] ?? row.original.sourceFormat}
            </span>
            {row.original.editedAt && <Badge variant="warning">edited</Badge>}
          </div>
        ),
      },
    ],
    [projectId],
  );

  const data = list.data?.functions ?? [];
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    state: { rowSelection: selection },
    onRowSelectionChange: setSelection,
    enableRowSelection: true,
  });
  const selectedIds = Object.keys(selection).filter((k) => selection[k]);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const libraryEmpty = facets.data?.total === 0;
  const setFilter = (fn: (v: string) => void) => (v: string) => {
    fn(v);
    setPage(0);
    setSelection({});
  };

  return (
    <div className="space-y-4 p-6">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-72">
          <Search className="text-muted-foreground absolute top-2.5 left-2.5 size-4" aria-hidden />
          <Input
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(0);
            }}
            placeholder="Search name, description, class"
            aria-label="Search functions"
            className="pl-8"
          />
        </div>
        <FacetSelect
          label="Class"
          all="All classes"
          value={category}
          onChange={setFilter(setCategory)}
          options={facets.data?.categories}
          format={(v) => v || '(no class)'}
        />
        <FacetSelect label="Tag" all="All tags" value={tag} onChange={setFilter(setTag)} options={facets.data?.tags} />
        <FacetSelect
          label="Source"
          all="All sources"
          value={source}
          onChange={setFilter(setSource)}
          options={facets.data?.sources}
          format={(v) => FORMAT_LABELS[v] ?? v}
        />
        <div className="ml-auto flex items-center gap-2">
          {selectedIds.length > 0 && (
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button variant="destructive" size="sm">
                  <Trash2 className="size-4" aria-hidden /> Delete {selectedIds.length}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>
                    Delete {selectedIds.length} function{selectedIds.length === 1 ? '' : 's'}?
                  </AlertDialogTitle>
                  <AlertDialogDescription>
                    Their edges in the graph are deleted too. The audit log keeps what was deleted.
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <AlertDialogAction variant="destructive" onClick={() => remove.mutate(selectedIds)}>
                    Delete
                  </AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          )}
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline" disabled={libraryEmpty}>
                <Download className="size-4" aria-hidden /> Export
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuLabel>
                {params.size ? 'Export the filtered functions' : 'Export the library'}
              </DropdownMenuLabel>
              <DropdownMenuItem asChild>
                <a href={`/api/projects/${projectId}/functions/export?${params}&format=openai`} download>
                  as OpenAI tools
                </a>
              </DropdownMenuItem>
              <DropdownMenuItem asChild>
                <a href={`/api/projects/${projectId}/functions/export?${params}&format=mcp`} download>
                  as MCP tools/list
                </a>
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <ImportDialog projectId={projectId} />
        </div>
      </div>

      {libraryEmpty ? (
        <EmptyState
          title="This library is empty"
          description="Import OpenAI tools, BFCL function docs, ToolBench tools, an MCP tools/list result or Gemini declarations to start."
          action={<ImportDialog projectId={projectId} />}
        />
      ) : (
        <div className="bg-card rounded-lg border">
          <Table>
            <TableHeader>
              {table.getHeaderGroups().map((hg) => (
                <TableRow key={hg.id}>
                  {hg.headers.map((h) => (
                    <TableHead key={h.id} className={h.column.id === 'select' ? 'w-10' : undefined}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                    </TableHead>
                  ))}
                </TableRow>
              ))}
            </TableHeader>
            <TableBody>
              {list.isError ? (
                <TableNotice colSpan={columns.length} tone="error">
                  Could not load functions: {list.error.message}
                </TableNotice>
              ) : data.length === 0 && !list.isPending ? (
                <TableNotice colSpan={columns.length}>No function matches these filters.</TableNotice>
              ) : (
                table.getRowModel().rows.map((row) => (
                  <TableRow
                    key={row.id}
                    data-state={row.getIsSelected() ? 'selected' : undefined}
                    className="cursor-pointer"
                    onClick={() => router.push(`/p/${projectId}/library/${row.original.id}`)}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <TableCell key={cell.id} className="py-2 align-top">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
          <ListFooter
            status={
              <>
                {list.isPending
                  ? 'Loading…'
                  : `${total.toLocaleString()} function${total === 1 ? '' : 's'}${params.size ? ' match' : ''}`}
                {selectedIds.length > 0 && ` · ${selectedIds.length} selected`}
              </>
            }
            page={page}
            pages={pages}
            onPage={setPage}
          />
        </div>
      )}
    </div>
  );
}

function FacetSelect({
  label,
  all,
  value,
  onChange,
  options,
  format = (v) => v,
}: {
  label: string;
  all: string;
  value: string;
  onChange: (v: string) => void;
  options?: { value: string; count: number }[];
  format?: (v: string) => string;
}) {
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger className="w-44" aria-label={`Filter by ${label.toLowerCase()}`}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{all}</SelectItem>
        {options?.map((o) => (
          <SelectItem key={o.value} value={o.value || NONE}>
            {format(o.value)} ({o.count})
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
