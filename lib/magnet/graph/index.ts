// Public API of the signature graph (DESIGN.md, Magnet step 2): the shared vocabulary, the
// heuristic edge proposer and its evaluation against hand-made edge lists.
export * from './types';
export {
  proposeEdges,
  candidatePairs,
  DEFAULT_CANDIDATES,
  DEFAULT_MIN_CONFIDENCE,
  type ProposeEdgesOptions,
  type ProposeEdgesResult,
  type ProposeEdgesStats,
} from './propose-edges';
export { evaluateAgainst, type Evaluation, type ExpectedLink } from './evaluate';
export { flattenSchema, type SchemaField, type FlattenOptions } from './fields';
export { toGraphFunctions, libraryFunctionId } from './from-library';
