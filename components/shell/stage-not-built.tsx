import { Construction } from 'lucide-react';
import { PageHeader } from './page-header';
import type { Stage } from './stages';

/** An honest page for a stage that does not exist yet: what it will do, and nothing fake. */
export function StageNotBuilt({ stage, detail }: { stage: Stage; detail: string }) {
  return (
    <>
      <PageHeader title={stage.label} description={stage.purpose} />
      <div className="p-6">
        <div className="bg-card max-w-2xl rounded-lg border p-6">
          <div className="flex items-start gap-4">
            <Construction className="text-muted-foreground mt-0.5 size-6 shrink-0" aria-hidden />
            <div className="space-y-2">
              <h2 className="font-medium">This stage is not built yet</h2>
              <p className="text-muted-foreground text-sm">{detail}</p>
              <p className="text-muted-foreground text-sm">
                Nothing on this page is a placeholder for real data: when the stage lands, it will work on this
                project’s library as it is now.
              </p>
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
