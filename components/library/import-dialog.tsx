'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, FileJson, Upload, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
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
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toaster';
import { api, ApiError } from '@/lib/client/api';
import { IssueList } from './issue-list';
import { FORMAT_LABELS, type ImportReport } from './types';

const FORMATS = ['openai', 'bfcl', 'toolbench', 'mcp', 'gemini'] as const;

export function ImportDialog({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'upload' | 'paste'>('upload');
  const [files, setFiles] = useState<File[]>([]);
  const [pasteName, setPasteName] = useState('pasted.json');
  const [pasteText, setPasteText] = useState('');
  const [format, setFormat] = useState<string>('auto');
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const url = `/api/projects/${projectId}/imports`;
      const fmt = format === 'auto' ? undefined : format;
      if (mode === 'paste') {
        return api<ImportReport>(url, {
          method: 'POST',
          json: { files: [{ name: pasteName || 'pasted.json', text: pasteText }], format: fmt, dryRun },
        });
      }
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      if (fmt) form.append('format', fmt);
      form.append('dryRun', String(dryRun));
      return api<ImportReport>(url, { method: 'POST', body: form });
    },
    onSuccess: (report) => {
      if (report.dryRun) return;
      queryClient.invalidateQueries({ queryKey: ['functions', projectId] });
      queryClient.invalidateQueries({ queryKey: ['facets', projectId] });
      toast({ title: 'Library imported', description: summary(report), variant: 'success' });
    },
  });

  const failed = run.error instanceof ApiError ? run.error : null;
  const failedReport =
    failed?.details && typeof failed.details === 'object' && 'issues' in failed.details
      ? (failed.details as ImportReport)
      : null;
  const ready = mode === 'upload' ? files.length > 0 : pasteText.trim().length > 0;

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    setFiles((prev) => [
      ...prev,
      ...Array.from(list).filter((f) => !prev.some((p) => p.name === f.name && p.size === f.size)),
    ]);
    run.reset();
  };

  const reset = () => {
    setFiles([]);
    setPasteText('');
    run.reset();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Upload className="size-4" aria-hidden /> Import library
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import a function library</DialogTitle>
          <DialogDescription>
            OpenAI tools, BFCL function docs (JSON lines), ToolBench tool or query files, MCP tools/list results and
            Gemini function declarations. The format is detected per file. An import is all or nothing: if any file has
            an error, nothing is imported.
          </DialogDescription>
        </DialogHeader>

        <Tabs
          value={mode}
          onValueChange={(v) => {
            setMode(v as 'upload' | 'paste');
            run.reset();
          }}
        >
          <TabsList>
            <TabsTrigger value="upload">Upload files</TabsTrigger>
            <TabsTrigger value="paste">Paste JSON</TabsTrigger>
          </TabsList>
          <TabsContent value="upload" className="space-y-3">
            <div
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                addFiles(e.dataTransfer.files);
              }}
              className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors ${dragging ? 'border-primary bg-accent' : 'border-input'}`}
            >
              <FileJson className="text-muted-foreground size-8" aria-hidden />
              <p className="text-sm">Drop .json or .jsonl files here, or</p>
              <Button type="button" variant="outline" size="sm" onClick={() => inputRef.current?.click()}>
                Choose files
              </Button>
              <input
                ref={inputRef}
                type="file"
                multiple
                accept=".json,.jsonl,.ndjson,application/json"
                className="sr-only"
                aria-label="Library files"
                data-testid="import-file-input"
                onChange={(e) => {
                  addFiles(e.target.files);
                  e.target.value = '';
                }}
              />
            </div>
            {files.length > 0 && (
              <ul className="divide-y rounded-md border text-sm">
                {files.map((f) => (
                  <li key={f.name + f.size} className="flex items-center gap-2 px-3 py-1.5">
                    <FileJson className="text-muted-foreground size-4" aria-hidden />
                    <span className="flex-1 truncate font-mono text-xs">{f.name}</span>
                    <span className="text-muted-foreground text-xs tabular-nums">{formatBytes(f.size)}</span>
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="size-6"
                      aria-label={`Remove ${f.name}`}
                      onClick={() => setFiles(files.filter((x) => x !== f))}
                    >
                      <X className="size-3.5" aria-hidden />
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </TabsContent>
          <TabsContent value="paste" className="space-y-3">
            <div className="space-y-1.5">
              <Label htmlFor="paste-name">File name (BFCL uses it as the class)</Label>
              <Input id="paste-name" value={pasteName} onChange={(e) => setPasteName(e.target.value)} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="paste-text">Library JSON</Label>
              <Textarea
                id="paste-text"
                value={pasteText}
                onChange={(e) => {
                  setPasteText(e.target.value);
                  run.reset();
                }}
                rows={10}
                className="font-mono text-xs"
                placeholder='[{"type": "function", "function": {"name": "get_weather", "parameters": {...}}}]'
              />
            </div>
          </TabsContent>
        </Tabs>

        <div className="flex items-end gap-3">
          <div className="space-y-1.5">
            <Label htmlFor="import-format">Format</Label>
            <Select
              value={format}
              onValueChange={(v) => {
                setFormat(v);
                run.reset();
              }}
            >
              <SelectTrigger id="import-format" className="w-56">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="auto">Detect automatically</SelectItem>
                {FORMATS.map((f) => (
                  <SelectItem key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        </div>

        {failed && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>Nothing was imported</AlertTitle>
            <AlertDescription>{failed.message}</AlertDescription>
          </Alert>
        )}
        {failedReport && <IssueList issues={failedReport.issues} />}

        {run.data && (
          <div className="space-y-3" data-testid="import-report">
            <Alert variant="default">
              <CheckCircle2 className="size-4" aria-hidden />
              <AlertTitle>{run.data.dryRun ? 'Check passed: ready to import' : 'Imported'}</AlertTitle>
              <AlertDescription>{summary(run.data)}</AlertDescription>
            </Alert>
            <ul className="text-muted-foreground space-y-0.5 text-sm">
              {run.data.files.map((f) => (
                <li key={f.name}>
                  <span className="text-foreground font-mono text-xs">{f.name}</span>:{' '}
                  {FORMAT_LABELS[f.format ?? ''] ?? f.format}, {f.functions} functions
                </li>
              ))}
            </ul>
            <IssueList issues={run.data.issues} />
          </div>
        )}

        <DialogFooter>
          {run.data && !run.data.dryRun ? (
            <Button onClick={() => setOpen(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" disabled={!ready || run.isPending} onClick={() => run.mutate(true)}>
                Check only
              </Button>
              <Button disabled={!ready || run.isPending} onClick={() => run.mutate(false)}>
                {run.isPending ? 'Importing…' : 'Import'}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function summary(r: ImportReport): string {
  const verb = r.dryRun ? 'would be' : 'were';
  const warnings = r.issues.filter((i) => i.level === 'warning').length;
  return `${r.imported} new, ${r.updated} updated and ${r.skipped} unchanged functions ${verb} imported from ${r.files.length} file${r.files.length === 1 ? '' : 's'}${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}
