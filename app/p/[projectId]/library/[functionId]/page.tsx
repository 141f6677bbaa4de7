import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { FunctionEditor, type FunctionEditorData } from '@/components/library/function-editor';
import { PageHeader } from '@/components/shell/page-header';
import { isAppError } from '@/lib/server/errors';
import { getFunction } from '@/lib/server/library/get-function';
import { getSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

type Params = Promise<{ projectId: string; functionId: string }>;

/** One read per request, shared by the metadata and the page. A missing function is a 404. */
const loadFunction = cache(async (projectId: string, functionId: string) => {
  const { db, actor } = await getSession();
  try {
    return await getFunction(db, actor, projectId, functionId);
  } catch (e) {
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'forbidden')) notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { projectId, functionId } = await params;
  const fn = await loadFunction(projectId, functionId);
  return { title: `${fn.name} · Library` };
}

export default async function FunctionPage({ params }: { params: Params }) {
  const { projectId, functionId } = await params;
  const fn = await loadFunction(projectId, functionId);

  // Only plain JSON crosses to the client component.
  const data: FunctionEditorData = {
    id: fn.id,
    name: fn.name,
    originalName: fn.originalName,
    description: fn.description,
    parameters: fn.parameters,
    returns: fn.returns,
    category: fn.category,
    tags: fn.tags,
    sourceFormat: fn.sourceFormat,
    version: fn.version,
    editedAt: fn.editedAt,
    createdAt: fn.createdAt,
    updatedAt: fn.updatedAt,
    raw: fn.raw ?? null,
    import: fn.import ? { id: fn.import.id, createdAt: fn.import.createdAt, files: fn.import.files ?? null } : null,
  };

  return (
    <>
      <PageHeader
        title={
          <span className="flex min-w-0 items-baseline gap-3">
            <Link
              href={`/p/${projectId}/library`}
              className="shrink-0 text-sm font-normal text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
            >
              ← Library
            </Link>
            <span className="truncate font-mono">{fn.name}</span>
          </span>
        }
        description={fn.category || 'No class'}
      />
      <FunctionEditor projectId={projectId} fn={data} />
    </>
  );
}
