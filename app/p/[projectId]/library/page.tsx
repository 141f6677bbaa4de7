import type { Metadata } from 'next';
import { LibraryView } from '@/components/library/library-view';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'Library' };

export default async function LibraryPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <>
      <PageHeader
        title="Library"
        description="The functions every later stage builds on: import, search, open and edit their schemas."
      />
      <LibraryView projectId={projectId} />
    </>
  );
}
