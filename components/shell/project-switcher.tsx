'use client';

import { Check, ChevronsUpDown, FolderPlus } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

export interface SwitcherProject {
  id: string;
  name: string;
}

export function ProjectSwitcher({ current, projects }: { current: SwitcherProject; projects: SwitcherProject[] }) {
  const pathname = usePathname();
  // Stay on the same stage when switching projects.
  const stage = pathname.split('/')[3] ?? 'library';
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" className="w-full justify-between font-normal" aria-label="Switch project">
          <span className="truncate">{current.name}</span>
          <ChevronsUpDown className="size-4 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64" align="start">
        <DropdownMenuLabel>Projects</DropdownMenuLabel>
        {projects.map((p) => (
          <DropdownMenuItem key={p.id} asChild>
            <Link href={`/p/${p.id}/${stage}`} className="flex items-center gap-2">
              <Check className={p.id === current.id ? 'size-4' : 'size-4 opacity-0'} aria-hidden />
              <span className="truncate">{p.name}</span>
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/projects" className="flex items-center gap-2">
            <FolderPlus className="size-4" aria-hidden /> All projects and new project…
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
