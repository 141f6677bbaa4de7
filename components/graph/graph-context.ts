'use client';

import { createContext, useContext } from 'react';

/** What custom nodes and edges need from the editor, kept out of node data so that data stays small. */
export interface GraphCanvasContext {
  /** Zoomed in far enough to read edge labels. Changes only when the zoom crosses the threshold. */
  labels: boolean;
  /** Zoomed in far enough to read the counts on folded edges. Changes only when the zoom crosses the threshold. */
  counts: boolean;
  toggleGroup(groupId: string): void;
}

export const CanvasContext = createContext<GraphCanvasContext>({ labels: false, counts: true, toggleGroup: () => {} });

export const useCanvasContext = () => useContext(CanvasContext);
