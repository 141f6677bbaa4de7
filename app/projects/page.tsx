import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateProjectForm } from '@/components/projects/create-project-form';
import { Badge } from '@/components/ui/badge';
import { listProjects } from '@/lib/server/projects/list-projects';
import { getSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const { db, actor } = await getSession();
  const projects = await listProjects(db, actor);
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
        <p className="text-muted-foreground text-sm">
          A project holds one function library and everything built from it: graph, paths, runs, reviews and exports.
        </p>
      </div>
      <section aria-labelledby="new-project" className="bg-card rounded-lg border p-5">
        <h2 id="new-project" className="mb-3 font-medium">
          New project
        </h2>
        <CreateProjectForm />
      </section>
      <section aria-labelledby="your-projects">
        <h2 id="your-projects" className="mb-3 font-medium">
          Your projects
        </h2>
        {projects.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            No projects yet. Create one above, then import a function library.
          </p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {projects.map((p) => (
              <li key={p.id}>
                <Link href={`/p/${p.id}/library`} className="hover:bg-muted/50 flex items-center gap-4 px-4 py-3">
                  <div className="min-w-0 flex-1">
                    <div className="flex items-center gap-2 font-medium">
                      <span className="truncate">{p.name}</span>
                      {p.isDemo && <Badge variant="secondary">demo</Badge>}
                    </div>
                    {p.description && <p className="text-muted-foreground truncate text-sm">{p.description}</p>}
                  </div>
                  <span className="text-muted-foreground text-sm tabular-nums">{p.counts.functions} functions</span>
                  <Badge variant="outline">{p.role}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
