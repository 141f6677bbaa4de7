// Public API of the Paths stage's core (DESIGN.md, Magnet step 3): recipes, the random walk,
// the node operations (merge, insert nested / long, split) with apply and undo, validation,
// batch statistics and the JSON-lines export. Pure and deterministic: same recipe, seed and
// graph ⇒ byte-identical output.
export * from './types';
export { indexGraph, type GraphIndex, type IndexOptions } from './graph-index';
export { isIdLike, isUserGivable, mappingCovers, requiredInputs, type RequiredInput } from './inputs';
export { randomWalk, startCandidates, type WalkCall, type WalkResult } from './walk';
export { applyOperation, undoLast, replayHistory, PathOperationError, type OperationOptions } from './operations';
export {
  samplePaths,
  samplePath,
  createPathSampler,
  pathSeed,
  splitCandidates,
  type PathSampler,
  type SplitOption,
} from './sample';
export { PathRng } from './rng';
export {
  validatePath,
  createPathValidator,
  PATH_ISSUE_CODES,
  type PathIssue,
  type PathIssueCode,
  type PathValidator,
  type ValidateOptions,
} from './validate';
export { pathStats, type PathBatchStats, type Bin, type Coverage } from './stats';
export { pathToJsonLine, pathsToJsonLines, type FunctionNames } from './export';
