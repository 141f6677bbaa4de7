// The signature graph's vocabulary, shared by the heuristic, the LLM judge, the server and the UI.
// A node is a Function; an Edge A → B says A's output feeds B's input (see DESIGN.md, step 2).
import type { JsonSchema } from '../functions/types';

export const EDGE_KINDS = ['full', 'partial', 'prerequisite'] as const;
/** full: A's output is B's input; partial: part of B's input; prerequisite: A must run before B. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const EDGE_PROVENANCES = ['heuristic', 'llm', 'curator', 'imported'] as const;
export type EdgeProvenance = (typeof EDGE_PROVENANCES)[number];

export const EDGE_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type EdgeStatus = (typeof EDGE_STATUSES)[number];

/** Which output field (a path such as `flights[].flight_id`, or '' for the whole output) feeds which input parameter. */
export interface FieldMapping {
  output: string;
  input: string;
}

/** What the graph needs to know of a function. */
export interface GraphFunction {
  id: string;
  name: string;
  description: string;
  category: string;
  parameters: JsonSchema;
  returns: JsonSchema | null;
}

/** A proposed edge, before it is stored. */
export interface EdgeProposal {
  fromId: string;
  toId: string;
  kind: EdgeKind;
  /** 0..1 */
  confidence: number;
  mapping: FieldMapping[];
  /** One line a curator can read: why this edge was proposed. */
  reason: string;
}
