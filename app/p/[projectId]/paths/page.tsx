import type { Metadata } from 'next';
import { StageNotBuilt } from '@/components/shell/stage-not-built';
import { STAGES } from '@/components/shell/stages';

export const metadata: Metadata = { title: 'Paths' };

export default function Page() {
  return (
    <StageNotBuilt
      stage={STAGES.find((s) => s.slug === 'paths')!}
      detail="Paths will be sampled as random walks along accepted edges, shaped by Merge, Insert and Split with a saved recipe, and edited turn by turn."
    />
  );
}
