// OpenAI function tools: `{type:"function", function:{name, description, parameters, strict?}}`,
// as a list, inside `{tools:[...]}` (a request body), or alone. Also the flat Responses API
// tool `{type:"function", name, ...}` and the legacy bare `{name, description, parameters}`.
import { importEntries, type Entry } from './build-function';
import { makeIssue } from './issues';
import { isRecord, pointer } from './json';
import { normalizeJsonSchema } from './schema';
import type { ImportResult } from './types';

function openAIEntries(value: unknown): Entry[] {
  if (Array.isArray(value)) return value.map((item, index) => ({ item, path: pointer('', index), index }));
  if (isRecord(value) && Array.isArray(value.tools)) {
    return value.tools.map((item, index) => ({ item, path: pointer('', 'tools', index), index }));
  }
  return [{ item: value, path: '', index: 0 }];
}

export function importOpenAI(value: unknown, file: string): ImportResult {
  return importEntries(openAIEntries(value), file, 'openai', (item, site) => {
    if (item.type !== undefined && item.type !== 'function') {
      return {
        draft: null,
        issues: [
          makeIssue(
            'unsupported_tool',
            site,
            `Tool of type ${JSON.stringify(item.type)} is not a function tool; skipped.`,
          ),
        ],
      };
    }
    const fn = isRecord(item.function) ? item.function : item;
    const fnPath = fn === item ? site.path : pointer(site.path, 'function');
    return {
      draft: {
        name: fn.name,
        description: fn.description,
        parameters:
          fn.parameters === undefined
            ? undefined
            : { value: fn.parameters, path: pointer(fnPath, 'parameters'), convert: normalizeJsonSchema },
        returns: undefined,
        category: '',
        tags: fn.strict === true ? ['strict'] : [],
        raw: item,
      },
      issues: [],
    };
  });
}
