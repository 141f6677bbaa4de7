// Proposes edges for a project's library, by the schema heuristic (offline default) or an LLM
// judge over the same candidates. Accepted, rejected and curator-drawn edges are never touched:
// a rejected pair stays rejected and is not proposed again.
import { z } from 'zod';
import { bulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/client';
import { candidatePairs, DEFAULT_CANDIDATES, proposeEdges } from '@/lib/magnet/graph';
import type { EdgeProposal, EdgeProvenance } from '@/lib/magnet/graph/types';
import type { Teacher } from '@/lib/teachers/types';
import { authorize, type Actor } from '../actor';
import { loadGraphFunctions } from './load-graph-functions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { invalidInput } from '../errors';
import { judgeCandidates } from './judge-candidates';
import { judgeTeacherFor, teacherFromEnv } from './judge-teacher';

export const buildGraphInput = z.object({
  method: z.enum(['heuristic', 'llm']).default('heuristic'),
  candidates: z.number().int().min(1).max(200).default(DEFAULT_CANDIDATES),
  /** llm: the project's teacher to judge with (else the MAGNET_JUDGE_* environment). */
  teacher: z.string().trim().min(1).max(100).optional(),
});
export type BuildGraphInput = z.input<typeof buildGraphInput>;

export interface BuildGraphReport {
  method: 'heuristic' | 'llm';
  functions: number;
  candidatePairs: number;
  /** New proposed edges. */
  proposed: number;
  /** Proposed edges whose kind, confidence or reason changed. */
  updated: number;
  /** Earlier proposals of this method no longer proposed, removed. */
  removed: number;
  /** Accepted, rejected and curator edges left as they were. */
  kept: number;
  /** LLM only: verdicts from the cache, verdicts asked, pairs the judge failed on. */
  judge?: { cached: number; asked: number; failed: number; inputTokens: number; outputTokens: number };
  ms: number;
}

export async function buildGraph(
  db: Db,
  actor: Actor,
  projectId: string,
  input: BuildGraphInput,
  deps: { teacher?: Teacher } = {},
): Promise<BuildGraphReport> {
  await authorize(db, actor, projectId, 'editor');
  const parsed = buildGraphInput.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, 'graph build');
  const { method, candidates, teacher: teacherName } = parsed.data;
  const started = Date.now();

  const [functions, existing] = await Promise.all([
    loadGraphFunctions(db, projectId),
    db.edge.findMany({
      where: { projectId },
      select: {
        id: true,
        fromId: true,
        toId: true,
        status: true,
        provenance: true,
        kind: true,
        confidence: true,
        reason: true,
      },
    }),
  ]);
  const byPair = new Map(existing.map((e) => [`${e.fromId} ${e.toId}`, e]));
  // Decided pairs are never proposed again; open proposals may be refreshed.
  const decided = (fromId: string, toId: string) => {
    const e = byPair.get(`${fromId} ${toId}`);
    return !!e && (e.status !== 'proposed' || e.provenance === 'curator');
  };

  let proposals: EdgeProposal[];
  let pairsConsidered: number;
  let judge: BuildGraphReport['judge'];
  const provenance: EdgeProvenance = method === 'llm' ? 'llm' : 'heuristic';
  if (method === 'heuristic') {
    const result = proposeEdges(functions, { candidates, exclude: decided });
    proposals = result.proposals;
    pairsConsidered = result.stats.candidatePairs;
  } else {
    const teacher = deps.teacher ?? (teacherName ? await judgeTeacherFor(db, projectId, teacherName) : teacherFromEnv());
    const pairs = candidatePairs(functions, { candidates, exclude: decided });
    pairsConsidered = pairs.length;
    const judged = await judgeCandidates(db, teacher, functions, pairs);
    proposals = judged.proposals;
    judge = judged.stats;
  }

  const proposedKeys = new Set(proposals.map((p) => `${p.fromId} ${p.toId}`));
  const creates: Record<string, unknown>[] = [];
  const updates: { id: string; p: EdgeProposal }[] = [];
  for (const p of proposals) {
    const e = byPair.get(`${p.fromId} ${p.toId}`);
    if (!e)
      creates.push({
        projectId,
        fromId: p.fromId,
        toId: p.toId,
        kind: p.kind,
        provenance,
        confidence: p.confidence,
        status: 'proposed',
        mapping: p.mapping,
        reason: p.reason,
      });
    else if (e.kind !== p.kind || e.confidence !== p.confidence || e.reason !== p.reason || e.provenance !== provenance)
      updates.push({ id: e.id, p });
  }
  const stale = existing.filter(
    (e) => e.status === 'proposed' && e.provenance === provenance && !proposedKeys.has(`${e.fromId} ${e.toId}`),
  );

  await db.$transaction(
    async (tx) => {
      await bulkInsert(db, tx, EDGE_TABLE, creates);
      for (const { id, p } of updates) {
        await tx.edge.update({
          where: { id },
          data: {
            kind: p.kind,
            provenance,
            confidence: p.confidence,
            mapping: p.mapping as never,
            reason: p.reason,
            version: { increment: 1 },
          },
        });
      }
      if (stale.length) await tx.edge.deleteMany({ where: { id: { in: stale.map((e) => e.id) } } });
      await recordAuditEvent(tx, actor, {
        projectId,
        action: 'graph.build',
        targetType: 'graph',
        after: { method, candidates, proposed: creates.length, updated: updates.length, removed: stale.length },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  return {
    method,
    functions: functions.length,
    candidatePairs: pairsConsidered,
    proposed: creates.length,
    updated: updates.length,
    removed: stale.length,
    kept: existing.filter((e) => e.status !== 'proposed' || e.provenance === 'curator').length,
    ...(judge && { judge }),
    ms: Date.now() - started,
  };
}

const EDGE_TABLE = {
  table: 'Edge',
  columns: ['projectId', 'fromId', 'toId', 'kind', 'provenance', 'confidence', 'status', 'mapping', 'reason'],
  json: ['mapping'],
};
