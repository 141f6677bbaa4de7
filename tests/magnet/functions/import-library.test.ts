import { describe, expect, it } from 'vitest';
import { parseLibraryFiles } from '../../../lib/magnet/functions';
import { codes, errors, jsonl } from './helpers';

const tool = (name: string, parameters: unknown = { type: 'object', properties: {} }) => ({
  type: 'function',
  function: { name, description: `${name} things`, parameters },
});
const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value, null, 2) });

describe('parseLibraryFiles', () => {
  it('imports several files of different formats', () => {
    const bfcl = {
      name: 'math_api.json',
      text: jsonl([
        { name: 'add', description: 'Add.', parameters: { type: 'dict', properties: { a: { type: 'float' } } } },
      ]),
    };
    const mcp = file('srv.json', { tools: [{ name: 'ping', description: 'Ping.', inputSchema: { type: 'object' } }] });
    const result = parseLibraryFiles([file('tools.json', [tool('f')]), bfcl, mcp]);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.files.map((f) => [f.file, f.format, f.functions.length])).toEqual([
      ['tools.json', 'openai', 1],
      ['math_api.json', 'bfcl', 1],
      ['srv.json', 'mcp', 1],
    ]);
    expect(result.functions.map((f) => f.originalName)).toEqual(['f', 'add', 'ping']);
    expect(result.functions[2].parameters).toEqual({ type: 'object', properties: {} });
  });

  it('reports invalid JSON with line and column', () => {
    const result = parseLibraryFiles([
      { name: 'broken.json', text: '[\n  {"type": "function",\n   "function": {"name": "f"\n]' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'invalid_json', file: 'broken.json' });
    expect(result.issues[0].message).toMatch(/line 4, column 1/);
  });

  it('reports an unknown format, listing the formats tried', () => {
    const result = parseLibraryFiles([file('data.json', [{ id: 1, question: 'hi' }])]);
    expect(result.ok).toBe(false);
    expect(codes(result.issues)).toEqual(['unknown_format', 'empty_library']);
    const message = result.issues[0].message;
    for (const format of ['openai', 'bfcl', 'toolbench', 'mcp', 'gemini']) expect(message).toContain(format);
    expect(message).toContain('functionDeclarations');
  });

  it('refuses a named format the file does not have', () => {
    const result = parseLibraryFiles([file('tools.json', [tool('f')])], { format: 'mcp' });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'format_mismatch', file: 'tools.json' });
    expect(result.issues[0].message).toBe(
      'tools.json is not a mcp file (it looks like openai). Expected MCP tools/list: {tools:[{name, inputSchema}]}, a list of tools or of pages, or a JSON-RPC response.',
    );
  });

  it('uses a named format that fits even when another is likelier', () => {
    const bare = [{ name: 'f', description: 'd', parameters: { type: 'object', properties: {} } }];
    const result = parseLibraryFiles([file('my_class.json', bare)], { format: 'bfcl' });
    expect(result.ok).toBe(true);
    expect(result.functions[0]).toMatchObject({ sourceFormat: 'bfcl', category: 'my_class' });
  });

  it('rejects parameters that are not JSON Schema', () => {
    const result = parseLibraryFiles([
      file('t.json', [
        tool('a', 'string'),
        tool('b', { type: 'object', properties: { x: { type: 'banana' } } }),
        tool('c'),
      ]),
    ]);
    expect(result.ok).toBe(false);
    expect(result.functions.map((f) => f.originalName)).toEqual(['c']);
    expect(errors(result.issues).map((i) => [i.code, i.index, i.path])).toEqual([
      ['invalid_schema', 0, '/0/function/parameters'],
      ['invalid_schema', 1, '/1/function/parameters/properties/x/type'],
    ]);
  });

  it('reports duplicate names within a file, naming both entries', () => {
    const result = parseLibraryFiles([file('t.json', [tool('a'), tool('b'), tool('a')])]);
    expect(result.ok).toBe(false);
    expect(result.functions.map((f) => f.origin.index)).toEqual([0, 1]);
    expect(result.issues).toMatchObject([
      { level: 'error', code: 'duplicate_name', file: 't.json', index: 2, path: '/2' },
    ]);
    expect(result.issues[0].message).toContain('item 2 repeats item 0 of the same file');
    expect(result.files[0].issues).toHaveLength(1);
  });

  it('reports duplicates across files, but not the same name in different categories', () => {
    const twice = parseLibraryFiles([file('a.json', [tool('x')]), file('b.json', [tool('x')])]);
    expect(twice.issues).toMatchObject([{ code: 'duplicate_name', file: 'b.json', index: 0 }]);
    expect(twice.issues[0].message).toContain('repeats item 0 of a.json');
    const bfclFn = { name: 'x', description: 'd', parameters: { type: 'dict', properties: {} } };
    const classes = parseLibraryFiles([
      { name: 'one.json', text: jsonl([bfclFn]) },
      { name: 'two.json', text: jsonl([bfclFn]) },
    ]);
    expect(classes.ok).toBe(true);
  });

  it('terminates on a $ref cycle with a ref_cycle error', () => {
    const cyclic = {
      type: 'object',
      properties: { a: { $ref: '#/$defs/a' } },
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
    };
    const result = parseLibraryFiles([file('t.json', [tool('loop', cyclic)])]);
    expect(result.ok).toBe(false);
    expect(errors(result.issues)).toMatchObject([
      { code: 'ref_cycle', index: 0, path: '/0/function/parameters/$defs/a' },
      { code: 'empty_library' },
    ]);
  });

  it('imports a name OpenAI rejects, with a warning saying what it becomes', () => {
    const result = parseLibraryFiles([file('t.json', [tool('get weather!')])]);
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([{ level: 'warning', code: 'openai_name', index: 0 }]);
    expect(result.issues[0].message).toContain('"get_weather_"');
  });

  it('calls an empty library an error', () => {
    for (const files of [[], [file('none.json', { tools: [] })]]) {
      const result = parseLibraryFiles(files);
      expect(result.ok).toBe(false);
      expect(codes(result.issues)).toEqual(['empty_library']);
    }
  });
});
