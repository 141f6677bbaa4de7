import { describe, expect, it } from 'vitest';
import { importMcp } from '../../../lib/magnet/functions';
import { errors } from './helpers';

const readFile = {
  name: 'read_file',
  title: 'Read File',
  description: 'Read a file.',
  inputSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      path: { type: 'string' },
      range: { type: 'array', items: [{ type: 'integer' }, { type: 'integer' }], additionalItems: false },
    },
    required: ['path'],
  },
  outputSchema: { type: 'object', properties: { content: { type: 'string' } }, required: ['content'] },
  annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: true },
};
const writeFile = {
  name: 'write_file',
  description: 'Write a file.',
  inputSchema: {
    type: 'object',
    properties: { path: { type: 'string' }, content: { type: 'string' } },
    required: ['path', 'content'],
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
};

describe('importMcp', () => {
  it('maps inputSchema/outputSchema, hints to tags, and the server name to the category', () => {
    const { functions, issues } = importMcp(
      { server_info: { name: 'fs-server', version: '1' }, tools: [readFile, writeFile] },
      'fs.json',
    );
    expect(issues).toEqual([]);
    const [read, write] = functions;
    expect(read.category).toBe('fs-server');
    expect(read.tags).toEqual(['readOnly', 'openWorld']);
    expect(write.tags).toEqual(['destructive', 'idempotent']);
    // Draft-07 becomes 2020-12: no foreign $schema, tuple items → prefixItems.
    expect(read.parameters).toEqual({
      type: 'object',
      properties: {
        path: { type: 'string' },
        range: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }], items: false },
      },
      required: ['path'],
    });
    expect(read.returns).toEqual(readFile.outputSchema);
    expect(write.returns).toBeNull();
    expect(read.raw).toBe(readFile);
    expect(read.origin.path).toBe('/tools/0');
  });

  it('concatenates pages, reads JSON-RPC responses and bare tool lists', () => {
    const pages = [
      { jsonrpc: '2.0', id: 1, result: { tools: [readFile], nextCursor: 'p2' } },
      { tools: [writeFile], serverInfo: { name: 'srv' } },
    ];
    const paged = importMcp(pages, 'pages.json');
    expect(paged.issues).toEqual([]);
    expect(paged.functions.map((f) => [f.originalName, f.category, f.origin.index, f.origin.path])).toEqual([
      ['read_file', '', 0, '/0/result/tools/0'],
      ['write_file', 'srv', 1, '/1/tools/0'],
    ]);
    expect(importMcp([readFile, writeFile], 'bare.json').functions).toHaveLength(2);
  });

  it('requires an inputSchema and an object input schema', () => {
    const { functions, issues } = importMcp(
      {
        tools: [
          { name: 'a', description: 'd' },
          { name: 'b', description: 'd', inputSchema: { type: 'string' } },
          writeFile,
        ],
      },
      'x.json',
    );
    expect(functions.map((f) => f.originalName)).toEqual(['write_file']);
    expect(errors(issues).map((i) => [i.code, i.index, i.path])).toEqual([
      ['invalid_function', 0, '/tools/0'],
      ['invalid_schema', 1, '/tools/1/inputSchema/type'],
    ]);
  });
});
