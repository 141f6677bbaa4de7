'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toaster';
import { api } from '@/lib/client/api';

export function ProjectSettingsForm({
  project,
  canEdit,
}: {
  project: { id: string; name: string; description: string };
  canEdit: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const save = useMutation({
    mutationFn: () => api(`/api/projects/${project.id}`, { method: 'PATCH', json: { name, description } }),
    onSuccess: () => {
      toast({ title: 'Project saved', variant: 'success' });
      router.refresh();
    },
  });
  const changed = name !== project.name || description !== project.description;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="space-y-1.5">
        <Label htmlFor="settings-name">Name</Label>
        <Input
          id="settings-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          disabled={!canEdit}
          maxLength={100}
          required
        />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="settings-description">Description</Label>
        <Textarea
          id="settings-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          disabled={!canEdit}
          rows={3}
          maxLength={2000}
        />
      </div>
      {save.error && (
        <p role="alert" className="text-destructive text-sm">
          {save.error.message}
        </p>
      )}
      {canEdit ? (
        <Button type="submit" disabled={!changed || !name.trim() || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </Button>
      ) : (
        <p className="text-muted-foreground text-sm">Only the project’s owners can change this.</p>
      )}
    </form>
  );
}
