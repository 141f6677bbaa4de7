import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';

/** The footer of a paged list: a live count on the left, page N of M and previous / next on the right. */
export function ListFooter({
  status,
  page,
  pages,
  onPage,
}: {
  status: ReactNode;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  return (
    <div className="text-muted-foreground flex items-center justify-between border-t px-4 py-2 text-sm">
      <span aria-live="polite">{status}</span>
      <div className="flex items-center gap-2">
        <span className="tabular-nums">
          Page {page + 1} of {pages}
        </span>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          aria-label="Previous page"
          disabled={page === 0}
          onClick={() => onPage(page - 1)}
        >
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          aria-label="Next page"
          disabled={page + 1 >= pages}
          onClick={() => onPage(page + 1)}
        >
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
    </div>
  );
}
