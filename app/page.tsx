import { redirect } from 'next/navigation';
import { listProjects } from '@/lib/server/projects/list-projects';
import { getSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Opens the first project's library, or the project list when there is none. */
export default async function Home() {
  const { db, actor } = await getSession();
  const projects = await listProjects(db, actor);
  redirect(projects[0] ? `/p/${projects[0].id}/library` : '/projects');
}
