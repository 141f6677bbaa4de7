import { handle } from '@/lib/api/handler';
import { getLibraryFacets } from '@/lib/server/library/get-library-facets';

export const GET = handle<{ projectId: string }>(async (_req, { db, actor }, { projectId }) =>
  getLibraryFacets(db, actor, projectId),
);
