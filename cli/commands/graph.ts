import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '@/lib/server/errors';
import { buildGraph } from '@/lib/server/graph/build-graph';
import { getGraph } from '@/lib/server/graph/get-graph';
import { getGraphStats } from '@/lib/server/graph/get-graph-stats';
import { getProject } from '@/lib/server/projects/get-project';
import { withContext, type GlobalOptions } from '../context';

export function graphCommand(program: Command, globals: () => GlobalOptions) {
  const graph = program.command('graph').description('the function signature graph: propose, export and count edges');
  graph
    .command('build')
    .description('propose edges (accepted, rejected and drawn edges are kept as they are)')
    .requiredOption('--project <project>', 'project name or id')
    .option(
      '--method <method>',
      'heuristic (offline) | llm (--teacher, or MAGNET_JUDGE_BASE_URL and MAGNET_JUDGE_MODEL)',
      'heuristic',
    )
    .option('--teacher <name>', 'llm: judge with this teacher from Settings (an OpenAI-compatible one)')
    .option('--candidates <k>', 'candidate producers per function, from its class', '30')
    .action((opts: { project: string; method: string; candidates: string; teacher?: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        if (!['heuristic', 'llm'].includes(opts.method))
          throw new AppError('invalid', `unknown method "${opts.method}"; use heuristic or llm`);
        const project = await getProject(db, actor, opts.project, 'editor');
        const r = await buildGraph(db, actor, project.id, {
          method: opts.method as 'heuristic' | 'llm',
          candidates: Number(opts.candidates),
          ...(opts.teacher && { teacher: opts.teacher }),
        });
        const judge = r.judge
          ? `\njudge: ${r.judge.asked} pairs asked, ${r.judge.cached} from cache, ${r.judge.failed} failed, ${r.judge.inputTokens}+${r.judge.outputTokens} tokens`
          : '';
        return {
          json: r,
          text: `${r.method}: ${r.candidatePairs} candidate pairs over ${r.functions} functions → ${r.proposed} new proposals, ${r.updated} updated, ${r.removed} removed, ${r.kept} decided edges kept (${(r.ms / 1000).toFixed(2)} s)${judge}`,
        };
      }),
    );
  graph
    .command('export')
    .description('nodes and edges as JSON')
    .requiredOption('--project <project>', 'project name or id')
    .option('--status <status>', 'only edges with this status (proposed | accepted | rejected)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((opts: { project: string; status?: string; out?: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project);
        const g = await getGraph(db, actor, project.id);
        const names = new Map(g.nodes.map((n) => [n.id, n.name]));
        const out = {
          project: { id: project.id, name: project.name },
          nodes: g.nodes.map((n) => ({ id: n.id, name: n.name, category: n.category })),
          edges: g.edges
            .filter((e) => !opts.status || e.status === opts.status)
            .map((e) => ({ ...e, from: names.get(e.fromId), to: names.get(e.toId) })),
        };
        if (opts.out) {
          await writeFile(opts.out, JSON.stringify(out, null, 2) + '\n');
          return {
            json: { out: opts.out, nodes: out.nodes.length, edges: out.edges.length },
            text: `wrote ${out.nodes.length} nodes and ${out.edges.length} edges to ${opts.out}`,
          };
        }
        return { json: out, text: JSON.stringify(out, null, 2) };
      }),
    );
  graph
    .command('stats')
    .description('edges by status, kind and provenance; connected functions')
    .requiredOption('--project <project>', 'project name or id')
    .action((opts: { project: string }) =>
      withContext(globals(), async ({ db, actor }) => {
        const project = await getProject(db, actor, opts.project);
        const s = await getGraphStats(db, actor, project.id);
        const fmt = (o: Record<string, number>) =>
          Object.entries(o)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'none';
        return {
          json: s,
          text: [
            `${s.functions} functions, ${s.edges} edges`,
            `by status: ${fmt(s.byStatus)}`,
            `by kind (not rejected): ${fmt(s.byKind)}`,
            `by provenance: ${fmt(s.byProvenance)}`,
            `${s.connectedFunctions} functions on an accepted edge, ${s.isolatedFunctions} on none; ${s.acceptedEdgesPerFunction} accepted edges per function`,
          ].join('\n'),
        };
      }),
    );
}
