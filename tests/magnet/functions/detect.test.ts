import { describe, expect, it } from 'vitest';
import { candidateFormats, detectFormat } from '../../../lib/magnet/functions';

const openaiTool = {
  type: 'function',
  function: { name: 'f', description: 'd', parameters: { type: 'object', properties: {} } },
};
const bfclFn = {
  name: 'cd',
  description: 'd',
  parameters: { type: 'dict', properties: {} },
  response: { type: 'dict' },
};
const mcpTool = { name: 'read', inputSchema: { type: 'object' } };
const geminiDecl = {
  name: 'g',
  description: 'd',
  parameters: { type: 'OBJECT', properties: { a: { type: 'STRING' } } },
};

describe('detectFormat', () => {
  it.each([
    ['OpenAI tool list', [openaiTool], 'openai'],
    ['OpenAI request body {tools}', { model: 'x', tools: [openaiTool] }, 'openai'],
    ['a single OpenAI tool', openaiTool, 'openai'],
    ['Responses API flat tool', [{ type: 'function', name: 'f', parameters: { type: 'object' } }], 'openai'],
    [
      'legacy bare functions',
      [{ name: 'f', description: 'd', parameters: { type: 'object', properties: {} } }],
      'openai',
    ],
    ['BFCL JSON-lines (an array)', [bfclFn, bfclFn], 'bfcl'],
    ['a single BFCL function', bfclFn, 'bfcl'],
    ['ToolBench tool file', { tool_name: 'T', api_list: [{ name: 'a', required_parameters: [] }] }, 'toolbench'],
    [
      'ToolBench query file',
      [{ query: 'q', api_list: [{ category_name: 'C', tool_name: 'T', api_name: 'a' }] }],
      'toolbench',
    ],
    ['MCP tools/list result', { tools: [mcpTool], nextCursor: 'c' }, 'mcp'],
    ['MCP bare tool list', [mcpTool], 'mcp'],
    ['MCP wrapper with server_info', { server_info: { name: 's' }, tools: [mcpTool] }, 'mcp'],
    ['MCP JSON-RPC response', { jsonrpc: '2.0', id: 1, result: { tools: [mcpTool] } }, 'mcp'],
    ['MCP pages', [{ tools: [mcpTool], nextCursor: 'n' }, { tools: [mcpTool] }], 'mcp'],
    ['MCP server with no tools', { tools: [] }, 'mcp'],
    ['Gemini functionDeclarations', { functionDeclarations: [geminiDecl] }, 'gemini'],
    ['Gemini function_declarations', { function_declarations: [geminiDecl] }, 'gemini'],
    ['Gemini request tools', { tools: [{ googleSearch: {} }, { functionDeclarations: [geminiDecl] }] }, 'gemini'],
    ['a list of Gemini tools', [{ functionDeclarations: [geminiDecl] }], 'gemini'],
    ['bare Gemini declarations', [geminiDecl], 'gemini'],
  ])('%s', (_label, value, expected) => {
    expect(detectFormat(value, 'file.json')).toBe(expected);
  });

  it('lets one malformed first item not hide the format', () => {
    expect(detectFormat([42, { type: 'function' }, openaiTool], 'x.json')).toBe('openai');
  });

  it('reads bare functions in a .jsonl file as BFCL', () => {
    const bare = [{ name: 'f', description: 'd', parameters: { type: 'object', properties: {} } }];
    expect(detectFormat(bare, 'funcs.jsonl')).toBe('bfcl');
    expect(candidateFormats(bare, 'funcs.json')).toEqual(['openai', 'bfcl', 'gemini']);
  });

  it('recognises nothing in unrelated JSON', () => {
    for (const value of [[], {}, 'text', 42, null, [{ id: 'x', question: [[]] }], { tools: '[{"name":"a"}]' }]) {
      expect(detectFormat(value, 'x.json')).toBeNull();
    }
  });
});
