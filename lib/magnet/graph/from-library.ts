// Imported functions as graph nodes, for callers that have no database ids yet (tests,
// benchmarks, the CLI on files). (category, original name) is a function's identity in a
// library, so it makes a stable id.
import type { NormalizedFunction } from '../functions/types';
import type { GraphFunction } from './types';

export const libraryFunctionId = (f: Pick<NormalizedFunction, 'category' | 'originalName'>): string =>
  `${f.category}/${f.originalName}`;

export function toGraphFunctions(
  functions: readonly NormalizedFunction[],
  idOf: (f: NormalizedFunction) => string = libraryFunctionId,
): GraphFunction[] {
  return functions.map((f) => ({
    id: idOf(f),
    name: f.originalName,
    description: f.description,
    category: f.category,
    parameters: f.parameters,
    returns: f.returns,
  }));
}
