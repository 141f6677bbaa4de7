'use client';

import { Search } from 'lucide-react';
import { memo, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/ui/cn';
import { searchFunctions, type GraphIndex } from './model';
import type { GraphNode } from './types';

/** Find a function by name; choosing one hands its id to `onPick` (which expands, centers and highlights it). */
export const SearchBox = memo(function SearchBox({
  nodes,
  index,
  onPick,
}: {
  nodes: GraphNode[];
  index: GraphIndex;
  onPick(id: string): void;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => searchFunctions(nodes, deferred), [nodes, deferred]);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const expanded = open && query.trim().length > 0;

  const pick = (n: GraphNode) => {
    onPick(n.id);
    setQuery(n.name);
    setOpen(false);
    // Hand the keyboard back to the graph (undo, delete, escape).
    input.current?.blur();
  };

  return (
    <div className="relative w-64">
      <Search className="text-muted-foreground pointer-events-none absolute top-2 left-2.5 size-4" aria-hidden />
      <Input
        ref={input}
        role="combobox"
        aria-label="Search functions"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={expanded && matches[active] ? `${listId}-${active}` : undefined}
        placeholder="Find a function"
        className="h-8 pl-8"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(matches.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            const m = matches[active];
            if (m) {
              e.preventDefault();
              pick(m);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching functions"
          className="bg-popover text-popover-foreground absolute top-full left-0 z-50 mt-1 max-h-80 w-[22rem] overflow-y-auto rounded-md border p-1 shadow-md"
        >
          {matches.length === 0 ? (
            <li className="text-muted-foreground px-2 py-1.5 text-sm">No function matches “{query.trim()}”.</li>
          ) : (
            matches.map((n, i) => (
              <li
                key={n.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={cn(
                  'flex cursor-pointer items-center justify-between gap-3 rounded-sm px-2 py-1.5 text-sm',
                  i === active && 'bg-accent text-accent-foreground',
                )}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(n);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="truncate font-mono text-xs">{n.name}</span>
                <span className="text-muted-foreground shrink-0 truncate text-xs">
                  {index.groupById.get(index.groupOf.get(n.id) ?? '')?.name}
                </span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
});
