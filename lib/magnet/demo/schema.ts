// Tiny builders for the demo's JSON Schemas. They only exist to keep the hand-written library
// readable; what they return is plain JSON Schema 2020-12 (no custom keywords), so the
// exported data is exactly what a user would import.

import type { JsonSchema } from '../functions/types';

/** A function of the demo library: BFCL's shape with standard JSON Schema types. */
export interface DemoFunction {
  name: string;
  description: string;
  /** `{type:"object", properties, required, additionalProperties:false}`. */
  parameters: JsonSchema;
  /** Output schema: `{type:"object", properties}`; what other functions can consume. */
  response: JsonSchema;
}

type Extra = Record<string, unknown>;

export const str = (description: string, extra: Extra = {}): JsonSchema => ({ type: 'string', description, ...extra });
export const int = (description: string, extra: Extra = {}): JsonSchema => ({ type: 'integer', description, ...extra });
export const num = (description: string, extra: Extra = {}): JsonSchema => ({ type: 'number', description, ...extra });
export const bool = (description: string, extra: Extra = {}): JsonSchema => ({
  type: 'boolean',
  description,
  ...extra,
});

/** String restricted to a closed set of values. */
export const oneOf = (description: string, values: readonly string[], extra: Extra = {}): JsonSchema => ({
  type: 'string',
  description,
  enum: [...values],
  ...extra,
});

export const date = (description: string, extra: Extra = {}): JsonSchema =>
  str(description, { format: 'date', ...extra });
export const dateTime = (description: string, extra: Extra = {}): JsonSchema =>
  str(description, { format: 'date-time', ...extra });
export const email = (description: string, extra: Extra = {}): JsonSchema =>
  str(description, { format: 'email', ...extra });
/** ISO 4217 currency code; the pattern lets call checkers reject "dollars". */
export const currency = (description: string, extra: Extra = {}): JsonSchema =>
  str(description, { pattern: '^[A-Z]{3}$', ...extra });

export const arr = (items: JsonSchema, description: string, extra: Extra = {}): JsonSchema => ({
  type: 'array',
  description,
  items,
  ...extra,
});

export const obj = (
  properties: Record<string, JsonSchema>,
  required: string[] = [],
  description?: string,
): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  ...(required.length > 0 ? { required } : {}),
});

/** Parameters are closed (additionalProperties:false) so invented arguments fail validation. */
export const params = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** Responses list every field they return; all are present in a real answer. */
export const response = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});

export const fn = (name: string, description: string, parameters: JsonSchema, output: JsonSchema): DemoFunction => ({
  name,
  description,
  parameters,
  response: output,
});
