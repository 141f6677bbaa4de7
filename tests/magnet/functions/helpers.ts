// Small helpers shared by the function-library tests.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ImportIssue, JsonSchema } from '../../../lib/magnet/functions';

// Independent of the library's own Ajv instance, configured as downstream argument checking will be.
const ajv = new Ajv2020({ strict: false, logger: false });
addFormats(ajv);

/** Compiles with Ajv2020 (throws when it does not compile). */
export function compiles(schema: JsonSchema): boolean {
  try {
    ajv.compile(schema);
    return true;
  } finally {
    ajv.removeSchema();
  }
}

export function codes(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => i.code);
}

export function errors(issues: readonly ImportIssue[]): ImportIssue[] {
  return issues.filter((i) => i.level === 'error');
}

/** Every value of a `type` key anywhere in a JSON value. */
export function allTypes(value: unknown): unknown[] {
  const found: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'type' && (typeof child === 'string' || Array.isArray(child))) found.push(...[child].flat());
        walk(child);
      }
    }
  };
  walk(value);
  return found;
}

export const jsonl = (items: unknown[]) => items.map((i) => JSON.stringify(i)).join('\n') + '\n';
