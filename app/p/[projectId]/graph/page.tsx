import type { Metadata } from 'next';
import { GraphEditor } from '@/components/graph/graph-editor';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Graph' };

export default async function GraphPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <div className="flex h-dvh min-h-0 flex-col">
      <PageHeader
        title="Graph"
        description="Which function's output feeds which function's input: propose edges, then accept, reject, retype or draw them."
      />
      <div className="min-h-0 flex-1">
        <GraphEditor projectId={projectId} />
      </div>
    </div>
  );
}
