import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Merge class names: `clsx` for conditionals, `tailwind-merge` so that a later
 * Tailwind utility overrides an earlier conflicting one (e.g. `px-2` then `px-4`).
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

export type { ClassValue };
