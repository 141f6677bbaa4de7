// Checks a call a teacher wrote against the function's parameters before it is executed: an
// unknown function, a missing required value, a wrong type, a value outside an enum, a parameter
// the function does not take. Each issue says where (the argument's JSON pointer).
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { isRecord } from '../functions/json';

export const CALL_ISSUE_CODES = [
  'unknown_function',
  'missing_required',
  'wrong_type',
  'not_in_enum',
  'unexpected_parameter',
  'invalid',
] as const;
export type CallIssueCode = (typeof CALL_ISSUE_CODES)[number];

export interface CallIssue {
  code: CallIssueCode;
  /** JSON pointer into the arguments ('' for the call itself). */
  at: string;
  message: string;
}

let ajvInstance: Ajv2020 | null = null;
const ajv = () =>
  (ajvInstance ??= new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: false }));
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(parameters: Record<string, unknown>): ValidateFunction {
  let v = compiled.get(parameters);
  if (!v) {
    // Unexpected parameters are reported by name, whatever the schema says about additionalProperties.
    v = ajv().compile({ ...parameters, $schema: undefined, $id: undefined });
    compiled.set(parameters, v);
  }
  return v;
}

export function checkCall(
  name: string,
  args: unknown,
  functions: ReadonlyMap<string, { parameters: Record<string, unknown> }>,
): CallIssue[] {
  const fn = functions.get(name);
  if (!fn)
    return [{ code: 'unknown_function', at: '', message: `there is no function "${name}" among the tools offered` }];
  if (!isRecord(args)) return [{ code: 'invalid', at: '', message: `the arguments of ${name} are not a JSON object` }];
  const issues: CallIssue[] = [];
  const props = isRecord(fn.parameters.properties) ? fn.parameters.properties : {};
  for (const k of Object.keys(args))
    if (!(k in props))
      issues.push({ code: 'unexpected_parameter', at: `/${k}`, message: `${name} takes no parameter "${k}"` });
  const validate = validatorFor(fn.parameters);
  if (!validate(args)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === 'additionalProperties') continue;
      const at = e.instancePath;
      if (e.keyword === 'required') {
        const p = (e.params as { missingProperty: string }).missingProperty;
        issues.push({
          code: 'missing_required',
          at: `${at}/${p}`,
          message: `${name} needs "${p}"${at ? ` in ${at}` : ''}`,
        });
      } else if (e.keyword === 'type')
        issues.push({
          code: 'wrong_type',
          at,
          message: `${name}: ${at || 'the arguments'} must be ${(e.params as { type: string }).type}`,
        });
      else if (e.keyword === 'enum')
        issues.push({
          code: 'not_in_enum',
          at,
          message: `${name}: ${at} must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`,
        });
      else
        issues.push({ code: 'invalid', at, message: `${name}: ${at || 'the arguments'} ${e.message ?? 'is invalid'}` });
    }
  }
  return issues;
}

const valueValidators = new WeakMap<object, ValidateFunction | null>();

/** Does a value satisfy a (sub)schema? Schemas Ajv cannot compile accept anything. */
export function fitsSchema(value: unknown, schema: unknown): boolean {
  if (!isRecord(schema)) return true;
  let v = valueValidators.get(schema);
  if (v === undefined) {
    try {
      v = ajv().compile({ ...schema, $schema: undefined, $id: undefined });
    } catch {
      v = null;
    }
    valueValidators.set(schema, v);
  }
  return v ? v(value) : true;
}
