'use client';

// Group layouts, computed by ELK in a Web Worker and cached by group shape.
// A group the worker has not answered for yet shows its previous layout (or the fallback) and is "pending".
// The worker gets 4 s per group: a group that takes longer, or a worker that fails to start or crashes,
// gets the deterministic fallback layout instead (cached like an ELK one, so it is not retried for that shape).
import { useEffect, useMemo, useReducer, useRef } from 'react';
import {
  fallbackGroupLayout,
  type GroupLayout,
  type LayoutGroupInput,
  type LayoutRequest,
  type LayoutResponse,
} from './layout-core';

export const WORKER_TIME_LIMIT_MS = 4000;
/**
 * Groups with more members than this get the fallback layout at once: ELK takes longer than the time limit
 * on them (about 3 s for 1,000 members and 4,500 edges), so the worker would only delay the fallback.
 */
export const ELK_MAX_NODES = 1200;
const CACHE_LIMIT = 1000;
/** Layouts answered in quick succession (expanding many classes) reach the editor at most this often. */
const EMIT_INTERVAL_MS = 300;

class LayoutService {
  readonly cache = new Map<string, GroupLayout>();
  private worker: Worker | null = null;
  /** The current worker has answered at least once (so it loads and runs). */
  private answered = false;
  private broken = false;
  private queue: LayoutGroupInput[] = [];
  private queued = new Set<string>();
  private inflight: { jobId: number; remaining: LayoutGroupInput[]; timer: ReturnType<typeof setTimeout> } | null =
    null;
  private nextJob = 1;
  private listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request(inputs: LayoutGroupInput[]) {
    let direct = false;
    for (const input of inputs) {
      if (this.cache.has(input.key) || this.queued.has(input.key)) continue;
      if (this.inflight?.remaining.some((g) => g.key === input.key)) continue;
      if (input.nodeIds.length > ELK_MAX_NODES) {
        this.direct(input);
        direct = true;
        continue;
      }
      this.queue.push(input);
      this.queued.add(input.key);
    }
    if (direct) this.emit();
    this.pump();
  }

  private lastEmit = 0;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Tells the editors that layouts changed: at once if it has been quiet, else once at the end of the interval.
   * Every emit re-derives (and re-packs) all the nodes, so forty-nine classes answered one after another must
   * not mean forty-nine re-renders of five thousand nodes.
   */
  private emit() {
    if (this.emitTimer) return;
    const wait = this.lastEmit + EMIT_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      this.flush();
    }, wait);
  }

  private flush() {
    this.lastEmit = Date.now();
    for (const l of this.listeners) l();
  }

  private store(layout: GroupLayout) {
    this.cache.delete(layout.key);
    this.cache.set(layout.key, layout);
    while (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }

  private fallback(inputs: LayoutGroupInput[]) {
    for (const input of inputs) this.store(fallbackGroupLayout(input));
  }

  /** The layout of a group too big for ELK: the fallback, computed once and cached like any layout. */
  direct(input: LayoutGroupInput): GroupLayout {
    let layout = this.cache.get(input.key);
    if (!layout) {
      layout = fallbackGroupLayout(input);
      this.store(layout);
    }
    return layout;
  }

  private pump() {
    if (this.inflight || this.queue.length === 0) return;
    const groups = this.queue;
    this.queue = [];
    this.queued.clear();
    if (this.broken || typeof Worker === 'undefined') {
      this.fallback(groups);
      this.emit();
      return;
    }
    try {
      if (!this.worker) {
        this.worker = this.spawn();
        this.answered = false;
      }
    } catch {
      this.broken = true;
      this.fallback(groups);
      this.emit();
      return;
    }
    const jobId = this.nextJob++;
    this.inflight = { jobId, remaining: [...groups], timer: this.arm() };
    const message: LayoutRequest = { type: 'layout', jobId, groups };
    this.worker.postMessage(message);
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url));
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crash();
    };
    worker.onmessageerror = () => this.crash();
    return worker;
  }

  private arm() {
    return setTimeout(() => this.timeout(), WORKER_TIME_LIMIT_MS);
  }

  private receive(message: LayoutResponse) {
    const job = this.inflight;
    if (!job || !message || message.jobId !== job.jobId) return;
    this.answered = true;
    if (message.type === 'done') {
      clearTimeout(job.timer);
      this.fallback(job.remaining);
      this.inflight = null;
      this.emit();
      this.pump();
      return;
    }
    const key = message.type === 'group' ? message.layout.key : message.key;
    const at = job.remaining.findIndex((g) => g.key === key);
    if (at === -1) return;
    const [input] = job.remaining.splice(at, 1);
    if (message.type === 'group') this.store(message.layout);
    else this.fallback([input!]);
    clearTimeout(job.timer);
    job.timer = this.arm();
    this.emit();
  }

  /** The group being laid out took too long: it gets the fallback; the rest go to a fresh worker. */
  private timeout() {
    const job = this.inflight;
    if (!job) return;
    // A worker that never answered anything is not slow but broken (it did not load, or lost its handler).
    if (!this.answered) {
      this.crash();
      return;
    }
    this.worker?.terminate();
    this.worker = null;
    this.inflight = null;
    const [slow, ...rest] = job.remaining;
    if (slow) this.fallback([slow]);
    this.queue = [...rest, ...this.queue.filter((g) => !rest.some((r) => r.key === g.key))];
    this.queued = new Set(this.queue.map((g) => g.key));
    this.emit();
    this.pump();
  }

  /** The worker could not load or crashed: everything falls back from now on. */
  private crash() {
    const job = this.inflight;
    if (job) clearTimeout(job.timer);
    this.worker?.terminate();
    this.worker = null;
    this.broken = true;
    this.inflight = null;
    this.fallback([...(job?.remaining ?? []), ...this.queue]);
    this.queue = [];
    this.queued.clear();
    this.emit();
  }
}

let service: LayoutService | null = null;
const layoutService = () => (service ??= new LayoutService());

export interface GroupLayoutInput extends LayoutGroupInput {
  groupId: string;
}

/** The layout of every group in `inputs`, and which of them are still waiting for the worker. */
export function useGroupLayouts(inputs: GroupLayoutInput[]): {
  layouts: Map<string, GroupLayout>;
  pending: Set<string>;
} {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const last = useRef(new Map<string, GroupLayout>());

  useEffect(() => layoutService().subscribe(bump), []);
  useEffect(() => {
    if (inputs.length > 0) layoutService().request(inputs);
  }, [inputs]);

  return useMemo(() => {
    void version;
    const cache = layoutService().cache;
    const layouts = new Map<string, GroupLayout>();
    const pending = new Set<string>();
    for (const input of inputs) {
      const done = input.nodeIds.length > ELK_MAX_NODES ? layoutService().direct(input) : cache.get(input.key);
      if (done) {
        layouts.set(input.groupId, done);
        last.current.set(input.groupId, done);
        continue;
      }
      pending.add(input.groupId);
      // Until the worker answers, keep the group's previous layout when it still places every member.
      const previous = last.current.get(input.groupId);
      // Kept as the previous one too, so that the next answer (of another group) does not recompute it.
      const shown =
        previous && input.nodeIds.every((id) => previous.positions[id]) ? previous : fallbackGroupLayout(input);
      last.current.set(input.groupId, shown);
      layouts.set(input.groupId, shown);
    }
    return { layouts, pending };
  }, [inputs, version]);
}
