import type { Metadata } from 'next';
import { RunsView } from '@/components/runs/runs-view';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Runs' };

export default async function RunsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <>
      <PageHeader
        title="Runs"
        description="A teacher turns paths into multi-turn conversations with executed function calls, as background jobs you can watch, cancel and retry."
      />
      <RunsView projectId={projectId} />
    </>
  );
}
