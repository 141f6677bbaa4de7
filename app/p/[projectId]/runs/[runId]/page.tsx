import type { Metadata } from 'next';
import { RunDetailView } from '@/components/runs/run-detail';

export const metadata: Metadata = { title: 'Run' };

// The header shows the run's name, so the client view renders it with the run it polls.
export default async function RunPage({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  return <RunDetailView projectId={projectId} runId={runId} />;
}
