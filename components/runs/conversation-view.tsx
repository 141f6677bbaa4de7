'use client';

import { useQuery } from '@tanstack/react-query';
import { Bot, User, Wrench } from 'lucide-react';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/ui/cn';
import {
  fetchRun,
  fetchTrajectory,
  type TrajectoryMessage,
  type TrajectoryRecord,
  type TrajectoryToolCall,
  type TrajectoryTurn,
} from './api';
import { JsonBlock, runTitle } from './run-bits';

/** One translated conversation, turn by turn, as a chat. Every message is rendered as text. */
export function ConversationView({
  projectId,
  runId,
  trajectoryId,
}: {
  projectId: string;
  runId: string;
  trajectoryId: string;
}) {
  const query = useQuery({
    queryKey: ['trajectories', projectId, 'one', trajectoryId],
    queryFn: () => fetchTrajectory(projectId, trajectoryId),
  });
  const run = useQuery({ queryKey: ['runs', projectId, 'detail', runId], queryFn: () => fetchRun(projectId, runId) });
  const t = query.data?.trajectory;

  return (
    <>
      <PageHeader
        title={
          <>
            <Link href={`/p/${projectId}/runs`} className="text-muted-foreground font-normal hover:underline">
              Runs
            </Link>
            <span className="text-muted-foreground mx-1.5 font-normal">/</span>
            <Link href={`/p/${projectId}/runs/${runId}`} className="text-muted-foreground font-normal hover:underline">
              {run.data ? runTitle(run.data) : 'Run'}
            </Link>
            <span className="text-muted-foreground mx-1.5 font-normal">/</span>
            {t?.pathName ?? 'Conversation'}
          </>
        }
        description={
          t
            ? `${t.turns.length} turn${t.turns.length === 1 ? '' : 's'} · ${t.tools.length} tool${t.tools.length === 1 ? '' : 's'} in the conversation`
            : 'A conversation translated from a path.'
        }
        actions={
          t?.pathId && (
            <Button variant="outline" asChild>
              <Link href={`/p/${projectId}/paths/${t.pathId}`}>Open path</Link>
            </Button>
          )
        }
      />
      <div className="max-w-5xl space-y-6 p-6">
        {query.isError ? (
          <Alert variant="destructive">
            <AlertTitle>Could not load this conversation</AlertTitle>
            <AlertDescription>{query.error.message}</AlertDescription>
          </Alert>
        ) : !t ? (
          <div className="space-y-3">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : (
          <Conversation t={t} />
        )}
      </div>
    </>
  );
}

function Conversation({ t }: { t: TrajectoryRecord }) {
  // Every tool some turn offers: a turn that lacks one has it withheld (miss_func, until it is asked for).
  const allTools = [...new Set(t.turns.flatMap((turn) => turn.tools))];
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        {t.failure ? <Badge variant="destructive">failed</Badge> : <Badge variant="success">translated</Badge>}
        <Badge variant="outline">{t.kind}</Badge>
        <Badge variant="outline">review: {t.status}</Badge>
      </div>
      {t.failure && (
        <Alert variant="destructive">
          <AlertTitle>Translation stopped</AlertTitle>
          <AlertDescription className="break-words whitespace-pre-wrap">{t.failure}</AlertDescription>
        </Alert>
      )}
      {t.turns.map((turn, i) => (
        <TurnSection key={turn.index} turn={turn} previous={t.turns[i - 1]} all={allTools} />
      ))}
    </>
  );
}

const KIND_VARIANT = { normal: 'secondary', miss_param: 'warning', miss_func: 'warning' } as const;
const KIND_HINT: Record<string, string> = {
  miss_param: 'the user leaves out a value; the assistant asks for it',
  miss_func: 'the function is withheld; the assistant says it cannot do it',
};

function TurnSection({
  turn,
  previous,
  all,
}: {
  turn: TrajectoryTurn;
  previous: TrajectoryTurn | undefined;
  all: string[];
}) {
  const headingId = `turn-${turn.index}`;
  const offered = new Set(turn.tools);
  const withheld = all.filter((name) => !offered.has(name));
  // Turns mostly offer what the turn before did: the list is shown in full only where it changes.
  const sameAsPrevious =
    !!previous && previous.tools.length === turn.tools.length && previous.tools.every((name) => offered.has(name));
  // A turn after the one that failed was never attempted: one muted line says so.
  const skipped = turn.messages.length === 0 && !!turn.failure?.startsWith('not translated');
  // Tool results are shown inside their call's card, so the chat reads call → result once.
  const calls = new Map<string, TrajectoryToolCall>();
  for (const m of turn.messages) if (m.role === 'assistant') for (const c of m.tool_calls ?? []) calls.set(c.id, c);
  const results = new Map<string, string>();
  for (const m of turn.messages)
    if (m.role === 'tool' && calls.has(m.tool_call_id)) results.set(m.tool_call_id, m.content);

  return (
    <section aria-labelledby={headingId} className="bg-card rounded-lg border" data-testid="turn">
      <header className="space-y-2 border-b px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={headingId} className="font-medium">
            Turn {turn.index + 1}
          </h2>
          <Badge
            variant={KIND_VARIANT[turn.kind as keyof typeof KIND_VARIANT] ?? 'outline'}
            title={KIND_HINT[turn.kind]}
          >
            {turn.kind}
          </Badge>
          <Badge variant={turn.status === 'ok' ? 'success' : 'destructive'}>{turn.status}</Badge>
        </div>
        {sameAsPrevious ? (
          <p className="text-muted-foreground text-xs">
            The same {turn.tools.length} tools as turn {previous!.index + 1}
            {withheld.length > 0 && (
              <>
                ; not offered: <span className="text-warning font-mono">{withheld.join(', ')}</span>
              </>
            )}
            .
          </p>
        ) : (
          (turn.tools.length > 0 || withheld.length > 0) && (
            <div className="flex flex-wrap items-center gap-1 text-xs" data-testid="tools-offered">
              <span className="text-muted-foreground mr-1">Tools offered ({turn.tools.length}):</span>
              {turn.tools.map((name) => (
                <Badge key={name} variant="outline" className="font-mono font-normal">
                  {name}
                </Badge>
              ))}
              {withheld.map((name) => (
                <Badge
                  key={name}
                  variant="warning"
                  className="font-mono font-normal line-through"
                  title="Not offered in this turn (another turn offers it)"
                >
                  {name}
                </Badge>
              ))}
            </div>
          )
        )}
      </header>
      {skipped ? (
        <p className="text-muted-foreground px-4 py-3 text-sm">
          Not translated: {turn.failure!.replace(/^not translated:\s*/, '')}.
        </p>
      ) : (
        <div className="space-y-4 p-4">
          {turn.failure && (
            <Alert variant="destructive">
              <AlertTitle>Turn {turn.index + 1} failed</AlertTitle>
              <AlertDescription className="break-words whitespace-pre-wrap [overflow-wrap:anywhere]">
                {turn.failure}
              </AlertDescription>
            </Alert>
          )}
          {turn.messages.map((m, i) =>
            m.role === 'tool' && calls.has(m.tool_call_id) ? null : <MessageView key={i} m={m} results={results} />,
          )}
          {turn.messages.length === 0 && !turn.failure && (
            <p className="text-muted-foreground text-sm">No message in this turn.</p>
          )}
        </div>
      )}
    </section>
  );
}

function MessageView({ m, results }: { m: TrajectoryMessage; results: Map<string, string> }) {
  if (m.role === 'system')
    return (
      <details className="text-sm">
        <summary className="text-muted-foreground cursor-pointer text-xs font-medium">System prompt</summary>
        <JsonBlock value={m.content} className="mt-2" />
      </details>
    );
  if (m.role === 'user')
    return (
      <div className="flex justify-end" data-testid="message-user">
        <div className="max-w-[85%] space-y-1">
          <Who icon={User} label="User" className="justify-end" />
          <div className="bg-primary text-primary-foreground rounded-2xl rounded-tr-sm px-4 py-2 text-sm leading-relaxed break-words whitespace-pre-wrap">
            {m.content}
          </div>
        </div>
      </div>
    );
  if (m.role === 'tool')
    return (
      <div className="bg-card max-w-[85%] rounded-lg border" data-testid="tool-result">
        <div className="text-muted-foreground flex items-center gap-2 border-b px-3 py-2 text-xs">
          <Wrench className="size-3.5" aria-hidden /> Result of{' '}
          <span className="font-mono">{m.name || m.tool_call_id}</span>
        </div>
        <div className="p-3">
          <JsonBlock value={m.content} />
        </div>
      </div>
    );
  // TypeScript cannot narrow the shared system | user member away, so ask for assistant outright.
  if (m.role !== 'assistant') return null;
  const calls = m.tool_calls ?? [];
  return (
    <div className="space-y-2" data-testid="message-assistant">
      <Who icon={Bot} label="Assistant" />
      {m.reasoning && (
        <details className="text-sm">
          <summary className="text-muted-foreground cursor-pointer text-xs">Reasoning</summary>
          <p className="text-muted-foreground mt-1 break-words whitespace-pre-wrap">{m.reasoning}</p>
        </details>
      )}
      {m.content && (
        <div
          className="bg-muted w-fit max-w-[85%] rounded-2xl rounded-tl-sm px-4 py-2 text-sm leading-relaxed break-words whitespace-pre-wrap"
          data-testid="assistant-text"
        >
          {m.content}
        </div>
      )}
      {calls.map((c) => (
        <ToolCallCard key={c.id} call={c} result={results.get(c.id)} />
      ))}
    </div>
  );
}

function Who({ icon: Icon, label, className }: { icon: typeof User; label: string; className?: string }) {
  return (
    <div className={cn('text-muted-foreground flex items-center gap-1.5 text-xs font-medium', className)}>
      <Icon className="size-3.5" aria-hidden />
      {label}
    </div>
  );
}

function ToolCallCard({ call, result }: { call: TrajectoryToolCall; result: string | undefined }) {
  // The executed output is kept with the call; the tool message's text is the fallback.
  const output = call.output ?? result;
  return (
    <div className="bg-card rounded-lg border shadow-xs" data-testid="tool-call">
      <div className="flex items-center gap-2 border-b px-3 py-2">
        <Wrench className="text-muted-foreground size-3.5 shrink-0" aria-hidden />
        <span className="truncate font-mono text-sm font-medium" data-testid="tool-call-name">
          {call.name}
        </span>
        <span className="text-muted-foreground ml-auto truncate font-mono text-[11px]" title="call id">
          {call.id}
        </span>
      </div>
      <div className="grid gap-3 p-3 md:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <h3 className="text-muted-foreground text-xs font-medium">Arguments</h3>
          <JsonBlock value={call.arguments} label="Arguments" className="max-h-72" />
        </div>
        <div className="min-w-0 space-y-1">
          <h3 className="text-muted-foreground text-xs font-medium">Output</h3>
          {call.error ? (
            <p className="text-destructive rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs break-words whitespace-pre-wrap">
              {call.error}
            </p>
          ) : output === undefined || output === null ? (
            <p className="text-muted-foreground text-sm">No output.</p>
          ) : (
            <JsonBlock value={output} label="Output" className="max-h-72" />
          )}
        </div>
      </div>
    </div>
  );
}
