/**
 * A tiny global store for toasts, read by <Toaster /> through
 * useSyncExternalStore. `toast()` can be called from any client code (event
 * handlers, mutation callbacks) without a React context.
 */
import type { ReactNode } from 'react';

export type ToastVariant = 'default' | 'success' | 'warning' | 'destructive';

export interface ToastAction {
  /** Button text. */
  label: string;
  /** Describes the action for screen-reader users who reach it outside the toast (Radix `altText`). Defaults to `label`. */
  altText?: string;
  onClick: () => void;
}

export interface ToastOptions {
  title?: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
  /** Milliseconds before auto-dismiss. Defaults: 5000, or 8000 for destructive. `Infinity` keeps it open. */
  duration?: number;
  action?: ToastAction;
}

export interface ToastRecord extends ToastOptions {
  id: string;
  open: boolean;
  createdAt: number;
}

export interface ToastHandle {
  id: string;
  dismiss: () => void;
  update: (options: ToastOptions) => void;
}

/** Most toasts kept at once; older ones are dismissed first. */
export const TOAST_LIMIT = 4;
/** Time a closed toast stays mounted so its exit animation can run. */
const REMOVE_DELAY_MS = 400;

const EMPTY: readonly ToastRecord[] = Object.freeze([]);

let state: readonly ToastRecord[] = EMPTY;
let counter = 0;
const listeners = new Set<() => void>();
const removalTimers = new Map<string, ReturnType<typeof setTimeout>>();

function setState(next: readonly ToastRecord[]): void {
  state = next;
  for (const listener of listeners) listener();
}

function scheduleRemoval(id: string): void {
  if (removalTimers.has(id)) return;
  const timer = setTimeout(() => {
    removalTimers.delete(id);
    setState(state.filter((t) => t.id !== id));
  }, REMOVE_DELAY_MS);
  removalTimers.set(id, timer);
}

/** Close one toast, or every toast when `id` is omitted. */
export function dismissToast(id?: string): void {
  let changed = false;
  const next = state.map((t) => {
    if ((id === undefined || t.id === id) && t.open) {
      changed = true;
      return { ...t, open: false };
    }
    return t;
  });
  if (!changed) return;
  setState(next);
  for (const t of next) if (!t.open) scheduleRemoval(t.id);
}

function updateToast(id: string, options: ToastOptions): void {
  setState(state.map((t) => (t.id === id ? { ...t, ...options } : t)));
}

/** Show a toast. Titles and descriptions are rendered as React text/nodes, never as HTML. */
export function toast(options: ToastOptions): ToastHandle {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  const id = `toast-${counter}`;
  const record: ToastRecord = { variant: 'default', ...options, id, open: true, createdAt: Date.now() };
  const open = state.filter((t) => t.open);
  const overflow = open.length + 1 - TOAST_LIMIT;
  setState([...state, record]);
  if (overflow > 0) for (const t of open.slice(0, overflow)) dismissToast(t.id);
  return {
    id,
    dismiss: () => dismissToast(id),
    update: (next) => updateToast(id, next),
  };
}

toast.success = (options: Omit<ToastOptions, 'variant'>): ToastHandle => toast({ ...options, variant: 'success' });
toast.warning = (options: Omit<ToastOptions, 'variant'>): ToastHandle => toast({ ...options, variant: 'warning' });
toast.error = (options: Omit<ToastOptions, 'variant'>): ToastHandle => toast({ ...options, variant: 'destructive' });
toast.dismiss = dismissToast;

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function getToasts(): readonly ToastRecord[] {
  return state;
}

export function getServerToasts(): readonly ToastRecord[] {
  return EMPTY;
}
