import type { Metadata } from 'next';
import { PathsView } from '@/components/paths/paths-view';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Paths' };

export default async function PathsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <>
      <PageHeader
        title="Paths"
        description="The skeletons of conversations: random walks along the graph, shaped by Merge, Insert and Split, or built by hand."
      />
      <PathsView projectId={projectId} />
    </>
  );
}
