// Small inline libraries for graph tests: functions written as name + params + returns.
import type { JsonSchema } from '../../../lib/magnet/functions/types';
import type { EdgeProposal, GraphFunction } from '../../../lib/magnet/graph';

type Props = Record<string, JsonSchema>;

export const str = (description = ''): JsonSchema => ({ type: 'string', description });
export const int = (description = ''): JsonSchema => ({ type: 'integer', description });
export const num = (description = ''): JsonSchema => ({ type: 'number', description });
export const bool = (description = ''): JsonSchema => ({ type: 'boolean', description });
export const arr = (items: JsonSchema, description = ''): JsonSchema => ({ type: 'array', items, description });
export const obj = (properties: Props, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
});

export interface FnSpec {
  description?: string;
  category?: string;
  /** Parameters; all required unless `optional` names them. */
  params?: Props;
  optional?: string[];
  /** Output properties; null for no returns schema. */
  returns?: Props | JsonSchema | null;
}

/** A GraphFunction with id = `${category}/${name}` (category 'api' by default). */
export function fn(name: string, spec: FnSpec = {}): GraphFunction {
  const params = spec.params ?? {};
  const category = spec.category ?? 'api';
  const returns =
    spec.returns === null || spec.returns === undefined
      ? null
      : 'type' in spec.returns || '$ref' in spec.returns
        ? (spec.returns as JsonSchema)
        : obj(spec.returns as Props);
  return {
    id: `${category}/${name}`,
    name,
    description: spec.description ?? '',
    category,
    parameters: obj(
      params,
      Object.keys(params).filter((p) => !(spec.optional ?? []).includes(p)),
    ),
    returns,
  };
}

/** The proposal from → to (by name, category 'api' unless given), or undefined. */
export function edge(proposals: EdgeProposal[], from: string, to: string, category = 'api'): EdgeProposal | undefined {
  return proposals.find((p) => p.fromId === `${category}/${from}` && p.toId === `${category}/${to}`);
}

/** Deterministic shuffle (no Math.random in tests either): a fixed LCG. */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
