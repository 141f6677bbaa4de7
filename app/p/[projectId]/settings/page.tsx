import type { Metadata } from 'next';
import { ProjectSettingsForm } from '@/components/projects/project-settings-form';
import { ExecutorsPanel } from '@/components/settings/executors-panel';
import { PromptsPanel } from '@/components/settings/prompts-panel';
import { TeachersPanel } from '@/components/settings/teachers-panel';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { resolveDatabase } from '@/lib/db/config';
import { getProject } from '@/lib/server/projects/get-project';
import { listMembers } from '@/lib/server/projects/list-members';
import { getSession } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Settings' };

const SECTIONS = [
  ['project', 'Project'],
  ['members', 'Members'],
  ['database', 'Database'],
  ['teachers', 'Teachers'],
  ['executors', 'Executors'],
  ['prompts', 'Prompts'],
] as const;

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { db, actor } = await getSession();
  const project = await getProject(db, actor, projectId);
  const members = await listMembers(db, actor, project.id);
  // Only the provider is shown: a PostgreSQL URL can hold a password.
  const provider = resolveDatabase().provider;
  return (
    <>
      <PageHeader
        title="Settings"
        description="This project, who works on it, where its data lives, and how runs translate paths."
      />
      {/* The page is long: a row of in-page links reaches each section. */}
      <nav aria-label="Settings sections" className="flex max-w-5xl flex-wrap gap-x-4 gap-y-1 px-6 pt-4 text-sm">
        {SECTIONS.map(([id, label]) => (
          <a
            key={id}
            href={`#${id}`}
            className="text-muted-foreground hover:text-foreground underline-offset-4 hover:underline"
          >
            {label}
          </a>
        ))}
      </nav>
      <div className="grid max-w-5xl gap-6 p-6 pt-4 lg:grid-cols-2">
        <section
          id="project"
          className="bg-card scroll-mt-20 space-y-4 rounded-lg border p-5"
          aria-labelledby="project-heading"
        >
          <h2 id="project-heading" className="font-medium">
            Project
          </h2>
          <ProjectSettingsForm
            project={{ id: project.id, name: project.name, description: project.description }}
            canEdit={project.role === 'owner'}
          />
        </section>
        <section
          id="members"
          className="bg-card scroll-mt-20 space-y-4 rounded-lg border p-5"
          aria-labelledby="members-heading"
        >
          <h2 id="members-heading" className="font-medium">
            Members
          </h2>
          <ul className="divide-y rounded-md border">
            {members.map((m) => (
              <li key={m.userId} className="flex items-center justify-between px-3 py-2 text-sm">
                <div>
                  <div className="font-medium">{m.name}</div>
                  <div className="text-muted-foreground text-xs">{m.email}</div>
                </div>
                <Badge variant="outline">{m.role}</Badge>
              </li>
            ))}
          </ul>
          <p className="text-muted-foreground text-xs">
            The embedded studio has one local curator. Roles are checked on every request: viewers read, editors change
            the library, owners change the project.
          </p>
        </section>
        <section
          id="database"
          className="bg-card scroll-mt-20 space-y-2 rounded-lg border p-5 lg:col-span-2"
          aria-labelledby="db-heading"
        >
          <h2 id="db-heading" className="font-medium">
            Database
          </h2>
          <p className="text-sm">
            {provider === 'sqlite'
              ? 'Embedded SQLite (WAL mode), in the studio’s data folder.'
              : 'PostgreSQL, from DATABASE_URL.'}
          </p>
        </section>
        <TeachersPanel projectId={project.id} canEdit={project.role === 'owner'} />
        <ExecutorsPanel projectId={project.id} canEdit={project.role === 'owner'} />
        <PromptsPanel projectId={project.id} canEdit={project.role !== 'viewer'} />
      </div>
    </>
  );
}
