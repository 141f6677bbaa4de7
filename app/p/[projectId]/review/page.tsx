import type { Metadata } from 'next';
import { StageNotBuilt } from '@/components/shell/stage-not-built';
import { STAGES } from '@/components/shell/stages';

export const metadata: Metadata = { title: 'Review' };

export default function Page() {
  return (
    <StageNotBuilt
      stage={STAGES.find((s) => s.slug === 'review')!}
      detail="Review will let you accept, fix or reject every turn of every trajectory and judge each negative beside its positive."
    />
  );
}
