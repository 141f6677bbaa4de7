// MCP `tools/list` results: `{tools:[{name, title?, description?, inputSchema, outputSchema?,
// annotations?}], nextCursor?}`, alone, inside a JSON-RPC response, inside a wrapper that names
// the server (`{server_info, tools}`), as a bare list of tools, or as a list of such pages.
import { importEntries, type Entry } from './build-function';
import { makeIssue } from './issues';
import { isRecord, pointer, type JsonRecord } from './json';
import { normalizeJsonSchema } from './schema';
import type { ImportResult } from './types';

/** MCP tool annotation hints that become tags when true. */
const HINT_TAGS: Record<string, string> = {
  readOnlyHint: 'readOnly',
  destructiveHint: 'destructive',
  idempotentHint: 'idempotent',
  openWorldHint: 'openWorld',
};

type McpEntry = Entry & { server: string };

function serverName(page: JsonRecord): string {
  for (const info of [page.server_info, page.serverInfo]) {
    if (isRecord(info) && typeof info.name === 'string') return info.name;
  }
  return '';
}

function mcpEntries(value: unknown): McpEntry[] {
  const entries: McpEntry[] = [];
  const add = (item: unknown, path: string, server: string) =>
    entries.push({ item, path, server, index: entries.length });
  // Adds a page's tools; false when the value is not a page.
  const page = (v: unknown, path: string): boolean => {
    if (isRecord(v) && 'jsonrpc' in v && isRecord(v.result)) return page(v.result, pointer(path, 'result'));
    if (!isRecord(v) || !Array.isArray(v.tools)) return false;
    const server = serverName(v);
    v.tools.forEach((tool, j) => add(tool, pointer(path, 'tools', j), server));
    return true;
  };
  if (Array.isArray(value)) {
    value.forEach((v, i) => page(v, pointer('', i)) || add(v, pointer('', i), ''));
  } else if (!page(value, '')) {
    add(value, '', '');
  }
  return entries;
}

export function importMcp(value: unknown, file: string): ImportResult {
  return importEntries(mcpEntries(value), file, 'mcp', (tool, site, entry) => {
    if (tool.inputSchema === undefined) {
      return {
        draft: null,
        issues: [
          makeIssue('invalid_function', site, `MCP tool ${JSON.stringify(tool.name ?? null)} has no "inputSchema".`),
        ],
      };
    }
    const annotations = isRecord(tool.annotations) ? tool.annotations : {};
    return {
      draft: {
        name: tool.name,
        description: tool.description,
        parameters: { value: tool.inputSchema, path: pointer(site.path, 'inputSchema'), convert: normalizeJsonSchema },
        returns:
          tool.outputSchema === undefined
            ? undefined
            : { value: tool.outputSchema, path: pointer(site.path, 'outputSchema'), convert: normalizeJsonSchema },
        category: entry.server,
        tags: Object.keys(HINT_TAGS)
          .filter((hint) => annotations[hint] === true)
          .map((hint) => HINT_TAGS[hint]),
        raw: tool,
      },
      issues: [],
    };
  });
}
