// File text → JSON value. A file is JSON, or JSON-lines (one value per line, as BFCL ships its
// function docs); JSON-lines become an array of the line values.
import { makeIssue } from './issues';
import type { ImportIssue } from './types';

export type ParsedText = { ok: true; value: unknown; jsonLines: boolean } | { ok: false; issues: ImportIssue[] };

export function parseText(text: string, file: string): ParsedText {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return { ok: false, issues: [makeIssue('invalid_json', { file, index: null, path: '' }, 'The file is empty.')] };
  }
  try {
    return { ok: true, value: JSON.parse(body), jsonLines: false };
  } catch (error) {
    if (looksLikeJsonLines(body)) return parseJsonLines(body, file);
    const { offset, reason } = locateJsonError(body) ?? { offset: 0, reason: errorMessage(error) };
    const { line, column } = lineAndColumn(body, offset);
    return {
      ok: false,
      issues: [
        makeIssue(
          'invalid_json',
          { file, index: null, path: '' },
          `Invalid JSON at line ${line}, column ${column}: ${reason}.`,
        ),
      ],
    };
  }
}

/** Several non-blank lines and the first one is a JSON value on its own. */
function looksLikeJsonLines(body: string): boolean {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]);
    return true;
  } catch {
    return false;
  }
}

function parseJsonLines(body: string, file: string): ParsedText {
  const values: unknown[] = [];
  const issues: ImportIssue[] = [];
  body.split(/\r?\n/).forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    const record = values.length + issues.length;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      const { offset, reason } = locateJsonError(line) ?? { offset: 0, reason: errorMessage(error) };
      issues.push(
        makeIssue(
          'invalid_json',
          { file, index: record, path: `/${record}` },
          `Invalid JSON on line ${lineIndex + 1}, column ${offset + 1} (JSON-lines record ${record}): ${reason}.`,
        ),
      );
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: values, jsonLines: true };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/**
 * Finds the offset of the first JSON syntax error. JSON.parse messages differ between engines
 * and often carry no position, so the position comes from this scanner. Iterative, so deeply
 * nested input cannot overflow the stack. Returns null when the text is valid JSON.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const skipWhitespace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (reason: string) => ({ offset: i, reason });
  const end = () => fail('unexpected end of input');

  const scanString = (): string | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'invalid \\u escape in string';
          i += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          i += 2;
        } else {
          return 'invalid escape in string';
        }
        continue;
      }
      if (c < 0x20) return 'unescaped control character (e.g. a line break) in string';
      i++;
    }
    return 'unterminated string';
  };

  // After '{' or ',' inside an object: a key, a colon, then a value follows.
  const scanKey = (): string | null => {
    skipWhitespace();
    if (i >= n) return 'unexpected end of input';
    if (text[i] !== '"') return 'expected a property name in double quotes';
    const bad = scanString();
    if (bad) return bad;
    skipWhitespace();
    if (text[i] !== ':') return i >= n ? 'unexpected end of input' : "expected ':' after property name";
    i++;
    return null;
  };

  let expectValue = true;
  for (;;) {
    if (expectValue) {
      skipWhitespace();
      if (i >= n) return end();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipWhitespace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          expectValue = false;
          continue;
        }
        stack.push(c);
        if (c === '{') {
          const bad = scanKey();
          if (bad) return fail(bad);
        }
        continue;
      }
      if (c === '"') {
        const bad = scanString();
        if (bad) return fail(bad);
        expectValue = false;
        continue;
      }
      if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return fail('invalid number');
        i += match[0].length;
        expectValue = false;
        continue;
      }
      const literal = LITERALS.find((l) => text.startsWith(l, i));
      if (!literal) return fail(`unexpected character ${JSON.stringify(c)}`);
      i += literal.length;
      expectValue = false;
      continue;
    }
    skipWhitespace();
    const top = stack.at(-1);
    if (top === undefined) return i < n ? fail('unexpected content after the JSON value') : null;
    const close = top === '{' ? '}' : ']';
    if (i >= n) return end();
    if (text[i] === ',') {
      i++;
      if (top === '{') {
        const bad = scanKey();
        if (bad) return fail(bad);
      }
      expectValue = true;
    } else if (text[i] === close) {
      i++;
      stack.pop();
    } else {
      return fail(`expected ',' or '${close}'`);
    }
  }
}
