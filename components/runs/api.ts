// Calls to the runs, trajectories and teachers routes. Every function throws ApiError with the server's message on failure.
import { filterParams, type PathListFilter } from '@/components/paths/api';
import { api } from '@/lib/client/api';
import type { RunDetail } from '@/lib/server/runs/get-run';
import type { ExchangeView } from '@/lib/server/runs/list-exchanges';
import type { RunView } from '@/lib/server/runs/run-view';
import type { TeacherInput } from '@/lib/server/teachers/schemas';
import type { TeacherView } from '@/lib/server/teachers/teacher-view';
import type { TrajectorySummary } from '@/lib/server/trajectories/list-trajectories';
import type {
  TrajectoryMessage,
  TrajectoryRecord,
  TrajectoryToolCall,
  TrajectoryTurn,
} from '@/lib/server/trajectories/trajectory-format';

export type {
  ExchangeView,
  RunDetail,
  RunView,
  TeacherInput,
  TeacherView,
  TrajectoryMessage,
  TrajectoryRecord,
  TrajectorySummary,
  TrajectoryToolCall,
  TrajectoryTurn,
};

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;
const runBase = (projectId: string, runId: string) => `${base(projectId)}/runs/${encodeURIComponent(runId)}`;

export interface StartRunBody {
  name?: string;
  paths: { ids: string[] } | { filter: PathListFilter };
  teacher?: string;
  concurrency?: number;
  repairs?: number;
  seed?: string;
}

export { isActive } from '@/lib/server/runs/schemas';

export const listRuns = (projectId: string, offset: number, limit: number) =>
  api<{ runs: RunView[]; total: number }>(`${base(projectId)}/runs?offset=${offset}&limit=${limit}`);

export const startRun = (projectId: string, body: StartRunBody) =>
  api<{ run: RunView }>(`${base(projectId)}/runs`, { method: 'POST', json: body });

export const fetchRun = (projectId: string, runId: string) => api<RunDetail>(runBase(projectId, runId));

export const cancelRun = (projectId: string, runId: string) =>
  api<{ run: RunView }>(`${runBase(projectId, runId)}/cancel`, { method: 'POST' });

export const retryRun = (projectId: string, runId: string) =>
  api<{ run: RunView }>(`${runBase(projectId, runId)}/retry`, { method: 'POST' });

export const listExchanges = (projectId: string, runId: string, errorsOnly: boolean, offset: number, limit: number) =>
  api<{ exchanges: ExchangeView[]; total: number }>(
    `${runBase(projectId, runId)}/exchanges?${errorsOnly ? 'errorsOnly=true&' : ''}offset=${offset}&limit=${limit}`,
  );

export interface TrajectoryListFilter {
  runId?: string;
  pathId?: string;
  outcome?: 'ok' | 'failed';
}

const trajectoryParams = (f: TrajectoryListFilter) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p;
};

export const listTrajectories = (projectId: string, f: TrajectoryListFilter, offset: number, limit: number) =>
  api<{ trajectories: TrajectorySummary[]; total: number }>(
    `${base(projectId)}/trajectories?${trajectoryParams(f)}&offset=${offset}&limit=${limit}`,
  );

export const fetchTrajectory = (projectId: string, trajectoryId: string) =>
  api<{ trajectory: TrajectoryRecord }>(`${base(projectId)}/trajectories/${encodeURIComponent(trajectoryId)}`);

export const trajectoriesExportUrl = (projectId: string, runId: string) =>
  `${base(projectId)}/trajectories/export?${trajectoryParams({ runId })}`;

/** How many paths a run with this filter would translate (one row asked for, the total read). */
export const countPaths = (projectId: string, f: PathListFilter) =>
  api<{ total: number }>(`${base(projectId)}/paths?${filterParams(f)}&limit=1`).then((r) => r.total);

export const listTeachers = (projectId: string) => api<{ teachers: TeacherView[] }>(`${base(projectId)}/teachers`);

export const createTeacher = (projectId: string, body: TeacherInput) =>
  api<{ teacher: TeacherView }>(`${base(projectId)}/teachers`, { method: 'POST', json: body });

export const updateTeacher = (projectId: string, teacherId: string, body: TeacherInput) =>
  api<{ teacher: TeacherView }>(`${base(projectId)}/teachers/${encodeURIComponent(teacherId)}`, {
    method: 'PUT',
    json: body,
  });

export const deleteTeacher = (projectId: string, teacherId: string) =>
  api<{ deleted: number }>(`${base(projectId)}/teachers/${encodeURIComponent(teacherId)}`, { method: 'DELETE' });

/** Where a teacher's key comes from, in words (the key itself is never sent to the browser). */
export function keySource(t: Pick<TeacherView, 'apiKey' | 'apiKeyEnv'>): string {
  if (t.apiKey === 'stored') return 'stored';
  if (t.apiKey === 'env') return `from $${t.apiKeyEnv}`;
  if (t.apiKey === 'env_missing') return `$${t.apiKeyEnv} not set`;
  return 'none';
}
