import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '@/lib/server/errors';
import { deletePaths } from '@/lib/server/paths/delete-paths';
import { exportPaths } from '@/lib/server/paths/export-paths';
import { getPathStats } from '@/lib/server/paths/get-path-stats';
import { listPaths } from '@/lib/server/paths/list-paths';
import { samplePaths } from '@/lib/server/paths/sample-paths';
import type { PathView } from '@/lib/server/paths/path-row';
import { getProject } from '@/lib/server/projects/get-project';
import { table, withContext, type GlobalOptions } from '../context';

interface FilterOpts {
  recipe?: string;
  scenario?: string;
  minTurns?: string;
  maxTurns?: string;
  function?: string;
  ops?: string;
  origin?: string;
}

const withFilters = (cmd: Command) =>
  cmd
    .option('--recipe <id>', 'only paths of this recipe (id)')
    .option('--scenario <s>', 'miss_param | miss_func | any_split | none')
    .option('--min-turns <n>', 'at least this many turns')
    .option('--max-turns <n>', 'at most this many turns')
    .option('--function <id>', 'only paths calling this function (id)')
    .option('--ops <list>', 'only paths whose history has all of these operations (comma-separated)')
    .option('--origin <o>', 'sampled | curator');

const filterOf = (o: FilterOpts) => ({
  ...(o.recipe && { recipeId: o.recipe }),
  ...(o.scenario && { scenario: o.scenario }),
  ...(o.minTurns !== undefined && { minTurns: o.minTurns }),
  ...(o.maxTurns !== undefined && { maxTurns: o.maxTurns }),
  ...(o.function && { functionId: o.function }),
  ...(o.ops && { operations: o.ops }),
  ...(o.origin && { origin: o.origin }),
});

/** A number option, refused with a clear message when it is not one. */
function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new AppError('invalid', `--${name} must be a number, got "${value}"`);
  return n;
}

/** One line per path: "f1 → f2 + f3 → [miss_param] → f4". */
export function pathLine(p: Pick<PathView, 'turns'>): string {
  return p.turns
    .map((t) =>
      t.kind === 'miss_param'
        ? `[miss_param ${t.missing?.param ?? ''}]`
        : t.kind === 'miss_func'
          ? `[miss_func ${t.withheld?.name ?? ''}]`
          : t.calls.map((c) => (c.nested ? `(${c.name})` : c.name)).join(' + '),
    )
    .join(' → ');
}

export function pathsCommand(program: Command, globals: () => GlobalOptions) {
  const paths = program.command('paths').description('signature paths: sample with a recipe, list, export');
  paths
    .command('sample')
    .description('sample paths along the graph with a recipe (saved with the project under its name)')
    .requiredOption('--project <project>', 'project name or id')
    .requiredOption('--count <n>', 'paths to sample')
    .option('--steps <s>', 'functions per walk (default 7)')
    .option('--seed <x>', 'seed: the same recipe and seed give the same paths (default 1)')
    .option('--merge <p>', 'probability of merging adjacent turns (default 0.3)')
    .option('--insert <p>', 'probability of an insertion per turn (default 0.3)')
    .option('--split <p>', 'probability of a miss_param / miss_func turn per path (default 0.2)')
    .option('--max-calls <n>', 'calls a turn may hold (default 3)')
    .option('--include-proposed', 'walk proposed edges too, not only accepted ones')
    .option('--name <recipe>', 'recipe name', 'default')
    .action(
      (opts: {
        project: string;
        count: string;
        steps?: string;
        seed?: string;
        merge?: string;
        insert?: string;
        split?: string;
        maxCalls?: string;
        includeProposed?: boolean;
        name: string;
      }) =>
        withContext(globals(), async ({ db, actor }) => {
          const project = await getProject(db, actor, opts.project, 'editor');
          const recipe = {
            count: num(opts.count, 'count'),
            ...(opts.steps !== undefined && { steps: num(opts.steps, 'steps') }),
            ...(opts.seed !== undefined && { seed: opts.seed }),
            ...(opts.merge !== undefined && { merge: num(opts.merge, 'merge') }),
            ...(opts.insert !== undefined && { insert: num(opts.insert, 'insert') }),
            ...(opts.split !== undefined && { split: num(opts.split, 'split') }),
            ...(opts.maxCalls !== undefined && { maxCallsPerTurn: num(opts.maxCalls, 'max-calls') }),
            ...(opts.includeProposed && { includeProposed: true }),
          };
          const r = await samplePaths(db, actor, project.id, { recipeName: opts.name, recipe: recipe as never });
          const stops = r.stopReasons.length
            ? `\n${r.stoppedEarly} stopped early; most common: ${r.stopReasons
                .slice(0, 3)
                .map((s) => `${s.reason} (${s.count})`)
                .join('; ')}`
            : '';
          return {
            json: r,
            text: `sampled ${r.sampled} paths with recipe "${r.recipeName}" (steps ${r.recipe.steps}, seed ${r.recipe.seed}, merge ${r.recipe.merge}, insert ${r.recipe.insert}, split ${r.recipe.split}) in ${(r.ms / 1000).toFixed(2)} s${stops}`,
          };
        }),
    );
  withFilters(
    paths
      .command('list')
      .description('paths in creation order')
      .requiredOption('--project <project>', 'project name or id')
      .option('--offset <n>', 'skip this many', '0')
      .option('--limit <n>', 'at most this many (max 1000)', '50'),
  ).action((opts: FilterOpts & { project: string; offset: string; limit: string }) =>
    withContext(globals(), async ({ db, actor }) => {
      const project = await getProject(db, actor, opts.project);
      const page = await listPaths(db, actor, project.id, {
        ...filterOf(opts),
        offset: opts.offset,
        limit: opts.limit,
      } as never);
      const rows = page.paths.map((p) => ({
        '#': p.ordinal,
        id: p.id,
        turns: p.turnCount,
        calls: p.callCount,
        ops: [...new Set(p.history.map((o) => o.op))].join(','),
        path: pathLine(p),
      }));
      return {
        json: page,
        text: `${page.total} paths (showing ${page.paths.length} from ${page.offset})\n${table(rows, ['#', 'id', 'turns', 'calls', 'ops', 'path'])}`,
      };
    }),
  );
  withFilters(
    paths
      .command('export')
      .description('paths as JSON lines (turns, kinds and operations), in creation order')
      .requiredOption('--project <project>', 'project name or id')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action((opts: FilterOpts & { project: string; out?: string }) =>
    withContext(globals(), async ({ db, actor, json }) => {
      const project = await getProject(db, actor, opts.project);
      const { count, jsonl } = await exportPaths(db, actor, project.id, filterOf(opts));
      if (opts.out) {
        await writeFile(opts.out, jsonl);
        return { json: { out: opts.out, count }, text: `wrote ${count} paths to ${opts.out}` };
      }
      if (json)
        return {
          json: {
            count,
            paths: jsonl
              ? jsonl
                  .trimEnd()
                  .split('\n')
                  .map((l) => JSON.parse(l))
              : [],
          },
          text: '',
        };
      // JSON lines on stdout as they are (the final newline is already there).
      process.stdout.write(jsonl);
      return { json: null, text: '' };
    }),
  );
  withFilters(
    paths
      .command('stats')
      .description('lengths, calls per turn, operations and coverage of the (filtered) paths')
      .requiredOption('--project <project>', 'project name or id'),
  ).action((opts: FilterOpts & { project: string }) =>
    withContext(globals(), async ({ db, actor }) => {
      const project = await getProject(db, actor, opts.project);
      const s = await getPathStats(db, actor, project.id, filterOf(opts));
      const ops = Object.entries(s.operations)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return {
        json: s,
        text: [
          `${s.paths} paths; turns per path ${s.turns.mean}, calls per turn ${s.callsPerTurn.mean}, calls per path ${s.callsPerPath.mean}`,
          `operations: ${ops}`,
          `turn kinds: normal ${s.turnKinds.normal}, miss_param ${s.turnKinds.miss_param}, miss_func ${s.turnKinds.miss_func}; ${s.nestedCalls} nested calls; ${s.stoppedEarly} walks stopped early`,
          `coverage: ${s.functionCoverage.used}/${s.functionCoverage.total} functions (${(s.functionCoverage.share * 100).toFixed(1)}%), ${s.classCoverage.used}/${s.classCoverage.total} classes`,
        ].join('\n'),
      };
    }),
  );
  withFilters(
    paths
      .command('delete')
      .description("delete the paths a filter matches (all of the project's with --all)")
      .requiredOption('--project <project>', 'project name or id')
      .option('--all', 'delete every path of the project'),
  ).action((opts: FilterOpts & { project: string; all?: boolean }) =>
    withContext(globals(), async ({ db, actor }) => {
      const project = await getProject(db, actor, opts.project, 'editor');
      const filter = filterOf(opts);
      if (!opts.all && Object.keys(filter).length === 0)
        throw new AppError('invalid', 'name a filter, or --all to delete every path of the project');
      const r = await deletePaths(db, actor, project.id, { filter } as never);
      return { json: r, text: `deleted ${r.deleted} paths` };
    }),
  );
}
