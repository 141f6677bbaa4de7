import type { Metadata } from 'next';
import { StageNotBuilt } from '@/components/shell/stage-not-built';
import { STAGES } from '@/components/shell/stages';

export const metadata: Metadata = { title: 'Runs' };

export default function Page() {
  return (
    <StageNotBuilt
      stage={STAGES.find((s) => s.slug === 'runs')!}
      detail="Runs will have a teacher model turn paths into multi-turn conversations with executed function calls, as background jobs you can watch, cancel and resume."
    />
  );
}
