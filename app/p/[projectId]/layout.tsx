import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { isAppError } from '@/lib/server/errors';
import { getProject } from '@/lib/server/projects/get-project';
import { listProjects } from '@/lib/server/projects/list-projects';
import { getSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { db, actor } = await getSession();
  const project = await getProject(db, actor, projectId).catch((e) => {
    if (isAppError(e) && (e.code === 'not_found' || e.code === 'forbidden')) notFound();
    throw e;
  });
  const projects = await listProjects(db, actor);
  return (
    <AppShell
      project={{ id: project.id, name: project.name }}
      projects={projects.map((p) => ({ id: p.id, name: p.name }))}
    >
      {children}
    </AppShell>
  );
}
