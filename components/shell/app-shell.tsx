'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '@/lib/ui/cn';
import { ProjectSwitcher, type SwitcherProject } from './project-switcher';
import { STAGES } from './stages';

export function AppShell({
  project,
  projects,
  children,
}: {
  project: SwitcherProject;
  projects: SwitcherProject[];
  children: ReactNode;
}) {
  const pathname = usePathname();
  return (
    <div className="flex min-h-screen">
      <aside className="bg-sidebar text-sidebar-foreground border-sidebar-border sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r">
        <div className="flex h-14 items-center gap-2 px-4">
          <Logo />
          <span className="font-semibold tracking-tight">Magnet Studio</span>
        </div>
        <div className="px-3 pb-3">
          <ProjectSwitcher current={project} projects={projects} />
        </div>
        <nav aria-label="Pipeline stages" className="flex-1 space-y-0.5 px-3">
          <p className="text-muted-foreground px-2 pt-2 pb-1 text-xs font-medium tracking-wide uppercase">Pipeline</p>
          {STAGES.map((stage, i) => {
            const href = `/p/${project.id}/${stage.slug}`;
            const active = pathname === href || pathname.startsWith(`${href}/`);
            const Icon = stage.icon;
            return (
              <Link
                key={stage.slug}
                href={href}
                title={stage.purpose}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm transition-colors',
                  stage.slug === 'settings' && 'mt-4',
                  active
                    ? 'bg-sidebar-accent text-sidebar-accent-foreground font-medium'
                    : 'hover:bg-sidebar-accent/60',
                  !stage.built && !active && 'text-muted-foreground',
                )}
              >
                <Icon className="size-4 shrink-0" aria-hidden />
                <span className="flex-1">{stage.label}</span>
                {stage.slug !== 'settings' && (
                  <span className="text-muted-foreground text-xs tabular-nums">{i + 1}</span>
                )}
              </Link>
            );
          })}
        </nav>
        <div className="text-muted-foreground border-sidebar-border border-t px-4 py-3 text-xs">
          Signed in as the local curator
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 24 24" className="text-primary size-6" aria-hidden>
      <path d="M5 4v9a7 7 0 0 0 14 0V4h-4v9a3 3 0 0 1-6 0V4z" fill="currentColor" />
      <rect x="5" y="4" width="4" height="3" className="fill-foreground/70" />
      <rect x="15" y="4" width="4" height="3" className="fill-foreground/70" />
    </svg>
  );
}
