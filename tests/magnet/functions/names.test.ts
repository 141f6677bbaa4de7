import { describe, expect, it } from 'vitest';
import { isOpenAIName, resolveNames, slug, toOpenAIName, type NormalizedFunction } from '../../../lib/magnet/functions';

function fn(originalName: string, category: string, index = 0, file = 'in.json'): NormalizedFunction {
  return {
    originalName,
    description: 'd',
    parameters: { type: 'object', properties: {} },
    returns: null,
    category,
    tags: [],
    sourceFormat: 'openai',
    raw: null,
    origin: { file, index, path: `/${index}` },
  };
}

describe('OpenAI names', () => {
  it('accepts exactly ^[a-zA-Z0-9_-]{1,64}$', () => {
    expect(isOpenAIName('get_weather-2')).toBe(true);
    expect(isOpenAIName('a'.repeat(64))).toBe(true);
    expect(isOpenAIName('a'.repeat(65))).toBe(false);
    expect(isOpenAIName('')).toBe(false);
    expect(isOpenAIName('math.sqrt')).toBe(false);
    expect(isOpenAIName('get weather!')).toBe(false);
  });

  it('replaces each rejected character with _ and truncates to 64', () => {
    expect(toOpenAIName('get weather!')).toBe('get_weather_');
    expect(toOpenAIName('math.sqrt')).toBe('math_sqrt');
    expect(toOpenAIName('café☕')).toBe('caf__');
    expect(toOpenAIName('x'.repeat(70))).toBe('x'.repeat(64));
    expect(toOpenAIName('')).toBe('_');
    for (const name of ['get weather!', 'café☕', '/a/:b', 'x'.repeat(99)])
      expect(isOpenAIName(toOpenAIName(name))).toBe(true);
  });

  it('slugs categories like ToolBench', () => {
    expect(slug('Transportistas de Argentina')).toBe('transportistas_de_argentina');
    expect(slug('secure-filesystem-server')).toBe('secure_filesystem_server');
    expect(slug('(Beta) API!')).toBe('beta_api');
  });
});

describe('resolveNames', () => {
  it('keeps bare names when nothing collides', () => {
    const { assigned, issues } = resolveNames([], [fn('cd', 'fs'), fn('ls', 'fs', 1)]);
    expect(assigned.map((a) => [a.name, a.existingName])).toEqual([
      ['cd', null],
      ['ls', null],
    ]);
    expect(issues).toEqual([]);
  });

  it('gives a function with the identity of an existing one that one’s name', () => {
    const existing = [{ name: 'search_for_books', category: 'books', originalName: 'search' }];
    const { assigned, issues } = resolveNames(existing, [fn('search', 'books')]);
    expect(assigned).toMatchObject([{ name: 'search_for_books', existingName: 'search_for_books' }]);
    expect(issues).toEqual([]);
  });

  it('renames a newcomer whose name another category holds, predictably', () => {
    const existing = [{ name: 'search', category: 'books', originalName: 'search' }];
    const { assigned, issues } = resolveNames(existing, [fn('search', 'Music Store'), fn('search', 'films', 1)]);
    expect(assigned.map((a) => a.name)).toEqual(['search_for_music_store', 'search_for_films']);
    expect(issues.map((i) => [i.level, i.code, i.index])).toEqual([
      ['warning', 'renamed', 0],
      ['warning', 'renamed', 1],
    ]);
    expect(issues[0].message).toBe(
      '"search" was renamed to "search_for_music_store": the name is already used by a function in category "books".',
    );
  });

  it('lets the first incoming holder keep the bare name', () => {
    const { assigned, issues } = resolveNames([], [fn('get', 'a'), fn('get', 'b', 1)]);
    expect(assigned.map((a) => a.name)).toEqual(['get', 'get_for_b']);
    expect(issues).toMatchObject([{ code: 'renamed', index: 1 }]);
  });

  it('adds _2, _3 when the renamed name is taken too', () => {
    const existing = [
      { name: 'get', category: 'x', originalName: 'get' },
      { name: 'get_for_b', category: 'y', originalName: 'get_for_b' },
    ];
    const { assigned } = resolveNames(existing, [
      fn('get', 'b'),
      fn('get_for_b', 'z', 1),
      fn('get', '', 2),
      fn('get', 'B!', 3),
    ]);
    expect(assigned.map((a) => a.name)).toEqual(['get_for_b_2', 'get_for_b_for_z', 'get_2', 'get_for_b_3']);
  });

  it('reports a repeated identity among the incoming as duplicate_name, naming both entries', () => {
    const { assigned, issues } = resolveNames([], [fn('cd', 'fs', 0), fn('ls', 'fs', 1), fn('cd', 'fs', 2)]);
    expect(assigned.map((a) => a.fn.origin.index)).toEqual([0, 1]);
    expect(issues).toMatchObject([{ level: 'error', code: 'duplicate_name', file: 'in.json', index: 2, path: '/2' }]);
    expect(issues[0].message).toBe('Duplicate function "cd" in category "fs": item 2 repeats item 0 of the same file.');
  });

  it('is deterministic', () => {
    const incoming = [fn('a', 'x'), fn('a', 'y', 1), fn('a', 'z', 2), fn('b', 'x', 3)];
    expect(resolveNames([], incoming)).toEqual(resolveNames([], incoming));
  });
});
