import type { Metadata } from 'next';
import { StageNotBuilt } from '@/components/shell/stage-not-built';
import { STAGES } from '@/components/shell/stages';

export const metadata: Metadata = { title: 'Graph' };

export default function Page() {
  return (
    <StageNotBuilt
      stage={STAGES.find((s) => s.slug === 'graph')!}
      detail="The graph will show every function as a node and every output-to-input dependency as an edge, propose edges from the library's schemas (or with an LLM judge), and let you accept, reject, retype and draw them."
    />
  );
}
