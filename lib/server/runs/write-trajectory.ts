import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk-insert';
import type { Conversation } from '@/lib/magnet/translate';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Stores a translated conversation as Trajectory → Turn → Message → ToolCall rows, four
 * statements in the caller's transaction (a run writes thousands of them).
 */
export async function writeTrajectory(
  db: Db,
  tx: Tx,
  t: { projectId: string; pathId: string | null; runId: string | null; conversation: Conversation },
): Promise<string> {
  const conv = t.conversation;
  const trajectoryId = randomUUID();
  const failed = conv.turns.find((x) => x.status === 'failed');
  const turns: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  const calls: Record<string, unknown>[] = [];
  for (const turn of conv.turns) {
    const turnId = randomUUID();
    turns.push({
      id: turnId,
      trajectoryId,
      index: turn.index,
      kind: turn.kind,
      status: turn.status,
      failure: turn.failure ?? null,
      tools: turn.tools,
      version: 1,
    });
    turn.messages.forEach((m, mi) => {
      const messageId = randomUUID();
      messages.push({
        id: messageId,
        turnId,
        index: mi,
        role: m.role,
        content: m.content,
        toolCallId: m.role === 'tool' ? m.callId : null,
      });
      if (m.role === 'assistant')
        m.toolCalls?.forEach((c, ci) =>
          calls.push({
            id: randomUUID(),
            messageId,
            index: ci,
            callId: c.callId,
            functionName: c.name,
            arguments: c.arguments,
            output: c.output === undefined ? null : c.output,
            error: c.error ?? null,
          }),
        );
    });
  }
  await bulkInsert(
    db,
    tx,
    {
      table: 'Trajectory',
      columns: ['projectId', 'pathId', 'runId', 'kind', 'status', 'tools', 'failure', 'version'],
      json: ['tools'],
    },
    [
      {
        id: trajectoryId,
        projectId: t.projectId,
        pathId: t.pathId,
        runId: t.runId,
        kind: 'positive',
        status: 'draft',
        tools: conv.tools,
        failure: failed ? `turn ${failed.index + 1}: ${failed.failure ?? 'failed'}` : null,
        version: 1,
      },
    ],
  );
  const opts = { timestamps: false } as const;
  if (turns.length)
    await bulkInsert(
      db,
      tx,
      {
        table: 'Turn',
        columns: ['trajectoryId', 'index', 'kind', 'status', 'failure', 'tools', 'version'],
        json: ['tools'],
        ...opts,
      },
      turns,
    );
  if (messages.length)
    await bulkInsert(
      db,
      tx,
      { table: 'Message', columns: ['turnId', 'index', 'role', 'content', 'toolCallId'], ...opts },
      messages,
    );
  if (calls.length)
    await bulkInsert(
      db,
      tx,
      {
        table: 'ToolCall',
        columns: ['messageId', 'index', 'callId', 'functionName', 'arguments', 'output', 'error'],
        json: ['arguments', 'output'],
        ...opts,
      },
      calls,
    );
  return trajectoryId;
}
