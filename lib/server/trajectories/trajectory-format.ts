// The studio's own trajectory format (what `trajectories dump` writes, one JSON object a line,
// and what the viewer shows): every turn's kind, status, offered tools and messages, with tool
// calls carrying their arguments and outputs.
import type { Db, Prisma } from '@/lib/db/client';
import { pathLabel } from '../paths/path-row';

/** A trajectory's own fields, without its turns. */
const headSelect = {
  id: true,
  pathId: true,
  runId: true,
  kind: true,
  status: true,
  failure: true,
  tools: true,
  system: true,
  version: true,
  createdAt: true,
  path: { select: { name: true, ordinal: true } },
} satisfies Prisma.TrajectorySelect;

export const trajectorySelect = {
  ...headSelect,
  turns: {
    orderBy: { index: 'asc' },
    select: {
      index: true,
      kind: true,
      status: true,
      failure: true,
      tools: true,
      messages: {
        orderBy: { index: 'asc' },
        select: {
          role: true,
          content: true,
          reasoning: true,
          toolCallId: true,
          toolCalls: {
            orderBy: { index: 'asc' },
            select: { callId: true, functionName: true, arguments: true, output: true, error: true },
          },
        },
      },
    },
  },
} satisfies Prisma.TrajectorySelect;

type Row = Prisma.TrajectoryGetPayload<{ select: typeof trajectorySelect }>;

export interface TrajectoryToolCall {
  id: string;
  name: string;
  arguments: unknown;
  output: unknown;
  error?: string;
}

export type TrajectoryMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; reasoning?: string; tool_calls?: TrajectoryToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

export interface TrajectoryTurn {
  index: number;
  kind: string;
  status: string;
  failure: string | null;
  tools: string[];
  messages: TrajectoryMessage[];
}

export interface TrajectoryRecord {
  id: string;
  pathId: string | null;
  pathName: string | null;
  runId: string | null;
  kind: string;
  status: string;
  failure: string | null;
  tools: unknown[];
  turns: TrajectoryTurn[];
  createdAt: string;
}

export function toTrajectoryRecord(r: Row): TrajectoryRecord {
  const names = new Map<string, string>();
  return {
    id: r.id,
    pathId: r.pathId,
    pathName: r.path ? pathLabel(r.path) : null,
    runId: r.runId,
    kind: r.kind,
    status: r.status,
    failure: r.failure,
    tools: Array.isArray(r.tools) ? r.tools : [],
    createdAt: r.createdAt.toISOString(),
    turns: r.turns.map((t) => ({
      index: t.index,
      kind: t.kind,
      status: t.status,
      failure: t.failure,
      tools: Array.isArray(t.tools) ? (t.tools as string[]) : [],
      messages: t.messages.map((m): TrajectoryMessage => {
        if (m.role === 'assistant') {
          for (const c of m.toolCalls) names.set(c.callId, c.functionName);
          return {
            role: 'assistant',
            content: m.content,
            ...(m.reasoning && { reasoning: m.reasoning }),
            ...(m.toolCalls.length && {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.callId,
                name: c.functionName,
                arguments: c.arguments,
                output: c.output,
                ...(c.error && { error: c.error }),
              })),
            }),
          };
        }
        if (m.role === 'tool')
          return { role: 'tool', tool_call_id: m.toolCallId ?? '', name: names.get(m.toolCallId ?? '') ?? '', content: m.content };
        return { role: m.role === 'system' ? 'system' : 'user', content: m.content };
      }),
    })),
  };
}

const LOAD_PAGE = 400;

/**
 * Full records of many trajectories in four flat queries a page (nested selects would put every
 * turn and message id in one IN list, past SQLite's parameter limit).
 */
export async function loadTrajectoryRecords(
  db: Pick<Db, 'trajectory' | 'turn' | 'message' | 'toolCall'>,
  where: Prisma.TrajectoryWhereInput,
  page: { take: number; cursor?: string },
): Promise<TrajectoryRecord[]> {
  const take = Math.min(page.take, LOAD_PAGE);
  const heads = await db.trajectory.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    ...(page.cursor && { cursor: { id: page.cursor }, skip: 1 }),
    select: headSelect,
  });
  if (!heads.length) return [];
  const ids = heads.map((h) => h.id);
  const turns = await db.turn.findMany({
    where: { trajectoryId: { in: ids } },
    orderBy: [{ trajectoryId: 'asc' }, { index: 'asc' }],
    select: { id: true, trajectoryId: true, index: true, kind: true, status: true, failure: true, tools: true },
  });
  const messages = await db.message.findMany({
    where: { turn: { trajectoryId: { in: ids } } },
    orderBy: [{ turnId: 'asc' }, { index: 'asc' }],
    select: { id: true, turnId: true, role: true, content: true, reasoning: true, toolCallId: true },
  });
  const calls = await db.toolCall.findMany({
    where: { message: { turn: { trajectoryId: { in: ids } } } },
    orderBy: [{ messageId: 'asc' }, { index: 'asc' }],
    select: { messageId: true, callId: true, functionName: true, arguments: true, output: true, error: true },
  });
  const group = <T, K>(items: T[], key: (t: T) => K) => {
    const m = new Map<K, T[]>();
    for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
    return m;
  };
  const callsOf = group(calls, (c) => c.messageId);
  const messagesOf = group(messages, (m) => m.turnId);
  const turnsOf = group(turns, (t) => t.trajectoryId);
  return heads.map((h) =>
    toTrajectoryRecord({
      ...h,
      turns: (turnsOf.get(h.id) ?? []).map((t) => ({
        ...t,
        messages: (messagesOf.get(t.id) ?? []).map((m) => ({ ...m, toolCalls: callsOf.get(m.id) ?? [] })),
      })),
    }),
  );
}
