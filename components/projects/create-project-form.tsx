'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { api } from '@/lib/client/api';

export function CreateProjectForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api<{ project: { id: string } }>('/api/projects', { method: 'POST', json: { name, description } }),
    onSuccess: ({ project }) => router.push(`/p/${project.id}/library`),
  });
  return (
    <form
      className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <div className="space-y-1.5">
        <Label htmlFor="project-name">Name</Label>
        <Input
          id="project-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. BFCL travel + trading"
          required
          maxLength={100}
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="project-description">Description (optional)</Label>
        <Input
          id="project-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="What this data is for"
          maxLength={2000}
        />
      </div>
      <Button type="submit" disabled={create.isPending || !name.trim()}>
        {create.isPending ? 'Creating…' : 'Create project'}
      </Button>
      {create.error && (
        <p role="alert" className="text-destructive text-sm sm:col-span-3">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
