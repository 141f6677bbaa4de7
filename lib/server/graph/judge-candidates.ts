// Asks the teacher to label candidate pairs, with a cache by pair: a verdict is stored under
// the hash of exactly what the model saw (prompt version, model, the two signatures), so a
// re-run pays only for pairs whose functions changed. Failed verdicts are never cached.
import type { Db } from '@/lib/db/client';
import type { EdgeKind, EdgeProposal, GraphFunction } from '@/lib/magnet/graph/types';
import type { JudgePair, JudgeVerdict } from '@/lib/magnet/graph/judge-types';
import { judgeCacheKey } from '@/lib/teachers/cache-key';
import type { Teacher } from '@/lib/teachers/types';

const VERDICT_OPERATION = 'judge_edge_verdict';
// A judge gives a label, not a score: these stand for how much a curator may trust each kind.
const CONFIDENCE: Record<EdgeKind, number> = { full: 0.9, partial: 0.75, prerequisite: 0.7 };

export async function judgeCandidates(
  db: Db,
  teacher: Teacher,
  functions: GraphFunction[],
  pairs: { fromId: string; toId: string }[],
) {
  const byId = new Map(functions.map((f) => [f.id, f]));
  const judgePairs: JudgePair[] = pairs.map(({ fromId, toId }) => {
    const a = byId.get(fromId)!;
    const b = byId.get(toId)!;
    return {
      key: `${fromId} ${toId}`,
      from: { name: a.name, description: a.description, returns: a.returns },
      to: { name: b.name, description: b.description, parameters: b.parameters },
    };
  });
  const hashes = new Map(judgePairs.map((p) => [p.key, judgeCacheKey(p, teacher.model)]));

  const cached = new Map<string, JudgeVerdict>();
  const hashList = [...new Set(hashes.values())];
  for (let i = 0; i < hashList.length; i += 1000) {
    const rows = await db.llmExchange.findMany({
      where: { operation: VERDICT_OPERATION, requestHash: { in: hashList.slice(i, i + 1000) }, error: null },
      select: { requestHash: true, response: true },
    });
    for (const r of rows) cached.set(r.requestHash, r.response as unknown as JudgeVerdict);
  }
  const toAsk = judgePairs.filter((p) => !cached.has(hashes.get(p.key)!));
  const result = toAsk.length
    ? await teacher.judgeEdges(toAsk)
    : { verdicts: [], usage: { inputTokens: 0, outputTokens: 0 }, exchanges: [] };

  // Every exchange is kept for debugging; good verdicts also become cache entries.
  const fresh = result.verdicts.filter((v) => !v.error);
  await db.llmExchange.createMany({
    data: [
      ...result.exchanges.map((x) => ({
        teacher: teacher.name,
        operation: x.operation,
        requestHash: x.requestHash,
        request: x.request as never,
        response: (x.response ?? undefined) as never,
        error: x.error ?? null,
        tokensIn: x.tokensIn,
        tokensOut: x.tokensOut,
        latencyMs: x.latencyMs,
      })),
      ...fresh.map((v) => ({
        teacher: teacher.name,
        operation: VERDICT_OPERATION,
        requestHash: hashes.get(v.key)!,
        request: { model: teacher.model, pair: v.key } as never,
        response: { label: v.label, reason: v.reason, mapping: v.mapping ?? [] } as never,
      })),
    ],
  });

  const verdicts = new Map<string, JudgeVerdict>();
  for (const p of judgePairs) {
    const c = cached.get(hashes.get(p.key)!);
    if (c) verdicts.set(p.key, { ...c, key: p.key });
  }
  for (const v of fresh) verdicts.set(v.key, v);

  const proposals: EdgeProposal[] = [];
  for (const [key, v] of verdicts) {
    if (v.label === 'none') continue;
    const [fromId, toId] = key.split(' ') as [string, string];
    proposals.push({
      fromId,
      toId,
      kind: v.label,
      confidence: CONFIDENCE[v.label],
      mapping: v.mapping ?? [],
      reason: `judge: ${v.reason}`,
    });
  }
  proposals.sort((x, y) => (x.fromId + x.toId < y.fromId + y.toId ? -1 : 1));
  return {
    proposals,
    stats: {
      cached: judgePairs.length - toAsk.length,
      asked: toAsk.length,
      failed: result.verdicts.length - fresh.length,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
    },
  };
}
