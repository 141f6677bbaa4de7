import { describe, expect, it } from 'vitest';
import { locateJsonError, parseText } from '../../../lib/magnet/functions/parse-text';

describe('parseText', () => {
  it('parses a JSON document', () => {
    const r = parseText('{"tools": []}', 'a.json');
    expect(r).toEqual({ ok: true, value: { tools: [] }, jsonLines: false });
  });

  it('parses JSON-lines into an array, skipping blank lines and a BOM', () => {
    const r = parseText('\uFEFF{"name":"a"}\n\n{"name":"b"}\r\n', 'f.json');
    expect(r).toEqual({ ok: true, value: [{ name: 'a' }, { name: 'b' }], jsonLines: true });
  });

  it('names line and column of a JSON syntax error', () => {
    const text = '{\n  "tools": [\n    {"name": "x",}\n  ]\n}';
    const r = parseText(text, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      level: 'error',
      code: 'invalid_json',
      file: 'bad.json',
      index: null,
      path: '',
    });
    // After the trailing comma (column 17) a property name was expected, not the '}' at column 18.
    expect(r.issues[0].message).toContain('line 3, column 18');
    expect(r.issues[0].message).toContain('expected a property name');
  });

  it('reports an unterminated document at its end', () => {
    const r = parseText('{"a": [1, 2', 'cut.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/line 1, column 12: unexpected end of input/);
  });

  it('names the failing line of a JSON-lines file', () => {
    const r = parseText('{"name":"a"}\n{"name":"b"}\n{"name": c}\n{"name":"d"}\n', 'f.jsonl');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'invalid_json', index: 2, path: '/2' });
    expect(r.issues[0].message).toContain('line 3, column 10');
  });

  it('rejects an empty file', () => {
    const r = parseText('  \n', 'empty.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/empty/);
  });

  it('locates errors in very deep input without overflowing the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999) + 'x';
    expect(locateJsonError(deep)).toEqual({ offset: 399_999, reason: "expected ',' or ']'" });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = [
      '{}',
      '[1,-2.5e3,"a\\u00e9",true,null]',
      '{"a":{"b":[]}}',
      '"\\n"',
      '01',
      '[1,]',
      '{"a" 1}',
      '"a\nb"',
      'nul',
      '-',
      '1.',
      '"\\x"',
    ];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(locateJsonError(s) === null, s).toBe(valid);
    }
  });
});
