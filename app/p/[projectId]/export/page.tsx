import type { Metadata } from 'next';
import { StageNotBuilt } from '@/components/shell/stage-not-built';
import { STAGES } from '@/components/shell/stages';

export const metadata: Metadata = { title: 'Export' };

export default function Page() {
  return (
    <StageNotBuilt
      stage={STAGES.find((s) => s.slug === 'export')!}
      detail="Export will write reviewed trajectories as SFT and DPO datasets (OpenAI, TRL, LLaMA-Factory) with reproducible splits, previewed through a chat template."
    />
  );
}
