// Recognising a file's format from its parsed value. The first item that looks like something
// decides (an array's items are tried in order), so one malformed entry does not hide the
// format: the importer then reports that entry.
import { isRecord, type JsonRecord } from './json';
import type { SourceFormat } from './types';

/** What each format looks like, for messages. */
export const FORMAT_SHAPES: Record<SourceFormat, string> = {
  openai: 'OpenAI tools: [{type:"function", function:{name, parameters}}] or {tools:[...]}',
  bfcl: 'BFCL function docs: JSON-lines of {name, description, parameters:{type:"dict"}, response}',
  toolbench: 'ToolBench: a tool file {tool_name, api_list} or a query file [{api_list:[{tool_name, api_name}]}]',
  mcp: 'MCP tools/list: {tools:[{name, inputSchema}]}, a list of tools or of pages, or a JSON-RPC response',
  gemini: 'Gemini: {functionDeclarations:[...]} or {tools:[{functionDeclarations}]}',
};

function isOpenAITool(v: JsonRecord): boolean {
  return v.type === 'function' && (isRecord(v.function) || typeof v.name === 'string');
}

function isMcpTool(v: JsonRecord): boolean {
  return typeof v.name === 'string' && isRecord(v.inputSchema);
}

function hasDeclarations(v: JsonRecord): boolean {
  return Array.isArray(v.functionDeclarations) || Array.isArray(v.function_declarations);
}

/**
 * A bare `{name, description, parameters}` is read by three formats; its types say which one
 * wrote it: BFCL's `dict`, Gemini's upper case, else OpenAI's legacy functions (or BFCL for a
 * `.jsonl` file, BFCL's line format).
 */
function bareFunctionFormats(v: JsonRecord, fileName: string): SourceFormat[] {
  const type = isRecord(v.parameters) ? v.parameters.type : undefined;
  if (type === 'dict' || (type === undefined && 'response' in v)) return ['bfcl', 'openai', 'gemini'];
  if (typeof type === 'string' && type !== type.toLowerCase()) return ['gemini', 'bfcl', 'openai'];
  if (/\.jsonl$/i.test(fileName)) return ['bfcl', 'openai', 'gemini'];
  return ['openai', 'bfcl', 'gemini'];
}

/** The formats an item can be read as, most likely first. */
function itemFormats(item: unknown, fileName: string): SourceFormat[] {
  if (!isRecord(item)) return [];
  if (isOpenAITool(item)) return ['openai'];
  if (isMcpTool(item)) return ['mcp'];
  if ('jsonrpc' in item && isRecord(item.result)) return itemFormats(item.result, fileName).filter((f) => f === 'mcp');
  if (hasDeclarations(item)) return ['gemini'];
  if (Array.isArray(item.tools)) {
    // An empty page is what an MCP server without tools answers.
    if (item.tools.length === 0) return ['mcp'];
    const inner = firstFormats(item.tools, fileName);
    return inner[0] === 'openai' || inner[0] === 'mcp' || inner[0] === 'gemini' ? [inner[0]] : [];
  }
  if (Array.isArray(item.api_list)) {
    const apis = item.api_list.filter(isRecord);
    if (typeof item.tool_name === 'string' || apis.some((a) => 'api_name' in a)) return ['toolbench'];
  }
  if (typeof item.name === 'string' && (isRecord(item.parameters) || 'description' in item)) {
    return bareFunctionFormats(item, fileName);
  }
  return [];
}

function firstFormats(items: readonly unknown[], fileName: string): SourceFormat[] {
  for (const item of items) {
    const formats = itemFormats(item, fileName);
    if (formats.length > 0) return formats;
  }
  return [];
}

/** Every format the value can be read as, most likely first; [] when none. */
export function candidateFormats(value: unknown, fileName: string): SourceFormat[] {
  return firstFormats(Array.isArray(value) ? value : [value], fileName);
}

export function detectFormat(value: unknown, fileName: string): SourceFormat | null {
  return candidateFormats(value, fileName)[0] ?? null;
}
