import type { Metadata } from 'next';
import { PathEditor } from '@/components/paths/path-editor';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Path' };

export default async function PathPage({ params }: { params: Promise<{ projectId: string; pathId: string }> }) {
  const { projectId, pathId } = await params;
  return (
    <div className="flex h-dvh min-h-0 flex-col">
      <PageHeader
        title="Path"
        description="Turns as lanes: drag functions in, reorder turns and calls, apply Merge, Insert or Split; every change can be undone."
      />
      <PathEditor projectId={projectId} pathId={pathId} />
    </div>
  );
}
