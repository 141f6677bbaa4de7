import { describe, expect, it } from 'vitest';
import {
  importMcp,
  importOpenAI,
  isOpenAIName,
  toMcpToolsList,
  toOpenAITools,
  type ExportableFunction,
} from '../../../lib/magnet/functions';

const params = {
  type: 'object',
  properties: { city: { type: 'string', description: 'City' }, days: { type: 'integer', minimum: 1 } },
  required: ['city'],
};
const fn = (name: string, extra: Partial<ExportableFunction> = {}): ExportableFunction => ({
  name,
  description: `${name} does things`,
  parameters: params,
  returns: { type: 'object', properties: { ok: { type: 'boolean' } } },
  category: 'c',
  tags: [],
  ...extra,
});

describe('toOpenAITools', () => {
  it('writes function tools with OpenAI-valid, unique names', () => {
    const long = 'x'.repeat(70);
    const tools = toOpenAITools([
      fn('math.sqrt'),
      fn('math_sqrt'),
      fn('math sqrt'),
      fn(long),
      fn('x'.repeat(64)),
      fn('plain', { tags: ['strict'] }),
    ]);
    expect(tools.map((t) => t.function.name)).toEqual([
      'math_sqrt',
      'math_sqrt_2',
      'math_sqrt_3',
      'x'.repeat(64),
      'x'.repeat(62) + '_2',
      'plain',
    ]);
    for (const t of tools) expect(isOpenAIName(t.function.name)).toBe(true);
    expect(tools[0]).toEqual({
      type: 'function',
      function: { name: 'math_sqrt', description: 'math.sqrt does things', parameters: params },
    });
    expect(tools[5].function.strict).toBe(true);
  });

  it('round-trips: importing the export gives back the same parameters', () => {
    const fns = [fn('a'), fn('b', { parameters: { type: 'object', properties: {} } }), fn('c', { tags: ['strict'] })];
    const back = importOpenAI(JSON.parse(JSON.stringify(toOpenAITools(fns))), 'export.json');
    expect(back.issues).toEqual([]);
    expect(back.functions.map((f) => [f.originalName, f.description, f.parameters, f.tags])).toEqual(
      fns.map((f) => [f.name, f.description, f.parameters, f.tags]),
    );
  });
});

describe('toMcpToolsList', () => {
  it('writes a tools/list result; only object output schemas become outputSchema', () => {
    const list = toMcpToolsList([fn('a'), fn('b', { returns: { type: 'string' } }), fn('c', { returns: null })]);
    expect(list.tools[0]).toEqual({
      name: 'a',
      description: 'a does things',
      inputSchema: params,
      outputSchema: fn('a').returns,
    });
    expect(list.tools[1]).toEqual({ name: 'b', description: 'b does things', inputSchema: params });
    expect('outputSchema' in list.tools[2]).toBe(false);
  });

  it('round-trips parameters and output schemas', () => {
    const fns = [fn('a'), fn('b', { returns: null })];
    const back = importMcp(JSON.parse(JSON.stringify(toMcpToolsList(fns))), 'export.json');
    expect(back.issues).toEqual([]);
    expect(back.functions.map((f) => [f.originalName, f.parameters, f.returns])).toEqual(
      fns.map((f) => [f.name, f.parameters, f.returns]),
    );
  });
});
