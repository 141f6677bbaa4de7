'use client';

// The batch's figures as charts (recharts): path length, calls per turn, operations applied,
// turn kinds, and how much of the library the paths cover.
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '@/components/ui/card';
import { pathStats, type PathListFilter } from './api';

const OP_LABELS: Record<string, string> = {
  merge: 'merge',
  insert_nested: 'insert (nested)',
  insert_long: 'insert (long)',
  miss_param: 'split: miss_param',
  miss_func: 'split: miss_func',
  edit: 'hand edits',
};

function Chart({
  title,
  data,
  x,
  caption,
  horizontal = false,
}: {
  title: string;
  data: { name: string; count: number }[];
  x: string;
  caption?: string;
  /** Bars across, for categories whose names are too long to sit under a bar. */
  horizontal?: boolean;
}) {
  return (
    <Card className="gap-2 p-4">
      <div>
        <h3 className="text-sm font-medium">{title}</h3>
        {caption && <p className="text-muted-foreground text-xs">{caption}</p>}
      </div>
      <div className="h-44" role="img" aria-label={`${title}: ${data.map((d) => `${d.name} ${d.count}`).join(', ')}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={horizontal ? { top: 4, right: 12, bottom: 4, left: 4 } : { top: 4, right: 4, bottom: 4, left: -16 }}
          >
            <CartesianGrid
              horizontal={!horizontal}
              vertical={horizontal}
              strokeDasharray="3 3"
              className="stroke-border"
            />
            {horizontal ? (
              <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals={false} />
            ) : (
              <XAxis
                dataKey="name"
                tick={{ fontSize: 11 }}
                interval={0}
                label={{ value: x, position: 'insideBottom', offset: -2, fontSize: 11 }}
                height={34}
              />
            )}
            {horizontal ? (
              <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={130} interval={0} />
            ) : (
              <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
            )}
            <Tooltip cursor={{ fillOpacity: 0.1 }} contentStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="count"
              fill="var(--color-primary, #2563eb)"
              radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
}

export function PathStats({ projectId, filter }: { projectId: string; filter: PathListFilter }) {
  const stats = useQuery({
    queryKey: ['paths', projectId, 'stats', filter],
    queryFn: () => pathStats(projectId, filter),
  });
  if (stats.isError)
    return <p className="text-destructive p-6 text-sm">Could not load statistics: {stats.error.message}</p>;
  const s = stats.data;
  if (!s) return <p className="text-muted-foreground p-6 text-sm">Counting…</p>;
  if (s.paths === 0) return <p className="text-muted-foreground p-6 text-sm">No path matches these filters.</p>;
  const bins = (h: { value: number; count: number }[]) => h.map((b) => ({ name: String(b.value), count: b.count }));
  const ops = Object.entries(OP_LABELS).map(([k, name]) => ({
    name,
    count: s.operations[k as keyof typeof s.operations] ?? 0,
  }));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {[
          ['Paths', s.paths.toLocaleString()],
          ['Turns per path', s.turns.mean.toFixed(2)],
          ['Calls per turn', s.callsPerTurn.mean.toFixed(2)],
          ['Walks stopped early', `${s.stoppedEarly.toLocaleString()} (${pct(s.stoppedEarly / s.paths)})`],
          [
            'Functions covered',
            `${s.functionCoverage.used}/${s.functionCoverage.total} (${pct(s.functionCoverage.share)})`,
          ],
          ['Classes covered', `${s.classCoverage.used}/${s.classCoverage.total}`],
        ].map(([k, v]) => (
          <div key={k} className="bg-card rounded-lg border px-3 py-2">
            <dt className="text-muted-foreground text-xs">{k}</dt>
            <dd className="text-lg font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Chart
          title="Path length"
          x="turns"
          data={bins(s.turns.histogram)}
          caption="Turns per path, split turns included"
        />
        <Chart title="Calls per turn" x="calls" data={bins(s.callsPerTurn.histogram)} caption="Normal turns only" />
        <Chart
          title="Operations applied"
          x=""
          horizontal
          data={ops}
          caption={`Over ${s.paths.toLocaleString()} paths`}
        />
        <Chart
          title="Walk length"
          x="functions"
          data={bins(s.walkLength.histogram)}
          caption="Functions the walk visited before operations"
        />
        <Chart
          title="Turn kinds"
          x=""
          horizontal
          data={[
            { name: 'normal', count: s.turnKinds.normal },
            { name: 'miss_param', count: s.turnKinds.miss_param },
            { name: 'miss_func', count: s.turnKinds.miss_func },
          ]}
        />
        <Chart
          title="Most used functions"
          x=""
          horizontal
          data={s.functionUse.slice(0, 8).map((f) => ({ name: f.name, count: f.count }))}
          caption="Calls per function, top 8"
        />
      </div>
    </div>
  );
}
