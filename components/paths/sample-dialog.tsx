'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Shuffle } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { toast } from '@/components/ui/toaster';
import type { Recipe } from '@/lib/magnet/paths';
import { samplePaths, type RecipeView } from './api';
import { FormError } from '@/components/ui/form-error';

interface Form {
  name: string;
  count: string;
  steps: string;
  seed: string;
  merge: string;
  insert: string;
  split: string;
  maxCallsPerTurn: string;
  missParam: string;
  missFunc: string;
  includeProposed: boolean;
}

const fromRecipe = (name: string, r?: Partial<Recipe>): Form => ({
  name,
  count: String(r?.count ?? 100),
  steps: String(r?.steps ?? 7),
  seed: String(r?.seed ?? '1'),
  merge: String(r?.merge ?? 0.3),
  insert: String(r?.insert ?? 0.3),
  split: String(r?.split ?? 0.2),
  maxCallsPerTurn: String(r?.maxCallsPerTurn ?? 3),
  missParam: String(r?.scenarioMix?.miss_param ?? 1),
  missFunc: String(r?.scenarioMix?.miss_func ?? 1),
  includeProposed: r?.includeProposed ?? false,
});

/** The recipe form: fields start from the last used recipe; the server validates and reports. */
export function SampleDialog({
  projectId,
  recipes,
  acceptedEdges,
  onSampled,
}: {
  projectId: string;
  recipes: RecipeView[];
  acceptedEdges: number | null;
  onSampled: (recipeId: string) => void;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(() => fromRecipe('default'));
  const set = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });

  const sample = useMutation({
    mutationFn: () =>
      samplePaths(projectId, form.name.trim() || 'default', {
        count: Number(form.count),
        steps: Number(form.steps),
        seed: form.seed,
        merge: Number(form.merge),
        insert: Number(form.insert),
        split: Number(form.split),
        maxCallsPerTurn: Number(form.maxCallsPerTurn),
        scenarioMix: { miss_param: Number(form.missParam), miss_func: Number(form.missFunc) },
        includeProposed: form.includeProposed,
      }),
    onSuccess: (r) => {
      setOpen(false);
      queryClient.invalidateQueries({ queryKey: ['paths', projectId] });
      queryClient.invalidateQueries({ queryKey: ['recipes', projectId] });
      onSampled(r.recipeId);
      toast({
        title: `Sampled ${r.sampled.toLocaleString()} paths with “${r.recipeName}”`,
        description: r.stoppedEarly
          ? `${r.stoppedEarly} walks stopped early at a dead end (most often: ${r.stopReasons[0]?.reason}).`
          : `in ${(r.ms / 1000).toFixed(2)} s`,
        variant: 'success',
      });
    },
  });

  const field = (k: keyof Form, label: string, hint: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="space-y-1">
      <Label htmlFor={`recipe-${k}`}>{label}</Label>
      <Input id={`recipe-${k}`} value={String(form[k])} onChange={set(k)} {...props} />
      <p className="text-muted-foreground text-xs">{hint}</p>
    </div>
  );
  const prob = { type: 'number', min: 0, max: 1, step: 0.05 } as const;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          const last = recipes[0];
          setForm(last ? fromRecipe(last.name, last.config) : fromRecipe('default'));
          sample.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Shuffle className="size-4" aria-hidden /> Sample paths
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Sample paths</DialogTitle>
          <DialogDescription>
            Random walks along the graph, then Merge, Insert and Split with these probabilities. The recipe is saved
            under its name and with every path; the same recipe and seed give the same paths.
          </DialogDescription>
        </DialogHeader>
        <form
          id="sample-form"
          noValidate
          className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            sample.mutate();
          }}
        >
          {field('name', 'Recipe name', 'Saved with the project', { list: 'recipe-names' })}
          <datalist id="recipe-names">
            {recipes.map((r) => (
              <option key={r.id} value={r.name} />
            ))}
          </datalist>
          {field('count', 'Paths', '1 to 100,000', { type: 'number', min: 1, max: 100000 })}
          {field('seed', 'Seed', 'Any text or number')}
          {field('steps', 'Steps', 'Functions per walk (paper: 7)', { type: 'number', min: 1, max: 50 })}
          {field('maxCallsPerTurn', 'Max calls per turn', 'Paper: 3', { type: 'number', min: 1, max: 10 })}
          <div />
          {field('merge', 'Merge', 'Per adjacent pair of turns', prob)}
          {field('insert', 'Insert', 'Per turn (nested or long)', prob)}
          {field('split', 'Split', 'Per path: one empty turn', prob)}
          {field('missParam', 'miss_param weight', 'User leaves out a value', { type: 'number', min: 0, step: 1 })}
          {field('missFunc', 'miss_func weight', 'Function is withheld', { type: 'number', min: 0, step: 1 })}
          <div className="flex items-start gap-2 pt-6">
            <Checkbox
              id="recipe-proposed"
              checked={form.includeProposed}
              onCheckedChange={(v) => setForm({ ...form, includeProposed: !!v })}
            />
            <Label htmlFor="recipe-proposed" className="leading-snug font-normal">
              Walk proposed edges too
            </Label>
          </div>
        </form>
        {acceptedEdges === 0 && !form.includeProposed && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No edge is accepted yet. Accept edges in the Graph stage, or walk proposed edges too.
          </p>
        )}
        {sample.isError && <FormError>{sample.error.message}</FormError>}
        <DialogFooter>
          <Button type="submit" form="sample-form" disabled={sample.isPending}>
            {sample.isPending ? 'Sampling…' : `Sample ${Number(form.count || 0).toLocaleString()} paths`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
