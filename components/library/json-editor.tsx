'use client';

// A JSON editor on CodeMirror 6: line numbers, bracket matching, folding, JSON syntax linting,
// and extra diagnostics supplied by the caller (e.g. JSON Schema problems), in a light theme
// drawn from the studio's CSS variables.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import CodeMirror, { EditorView, type BasicSetupOptions, type Extension } from '@uiw/react-codemirror';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';

import { cn } from '@/lib/ui/cn';

export type JsonDiagnosticSeverity = 'error' | 'warning' | 'info';

/** A problem at a character range of the editor text. */
export interface JsonDiagnostic {
  from: number;
  to: number;
  severity: JsonDiagnosticSeverity;
  message: string;
}

export interface JsonEditorProps {
  value: string;
  onChange?: (value: string) => void;
  /** Accessible name of the editing area. */
  ariaLabel: string;
  /** Id(s) of elements that describe the editor (helper text, problem list). */
  ariaDescribedBy?: string;
  /**
   * Diagnostics beyond JSON syntax, computed from the text. Only asked for when the text is valid
   * JSON. Re-run whenever this function changes identity, so memoize it.
   */
  extraDiagnostics?: (text: string) => JsonDiagnostic[];
  /** CSS height of the editor, e.g. '420px'. Defaults to '360px'. */
  height?: string;
  readOnly?: boolean;
  /** An empty document is fine (no JSON syntax error is reported for it). */
  allowEmpty?: boolean;
  placeholder?: string;
  /** Marks the frame as invalid (red border). */
  invalid?: boolean;
  className?: string;
}

const editorTheme = EditorView.theme(
  {
    '&': {
      backgroundColor: 'var(--card)',
      color: 'var(--foreground)',
      fontSize: '13px',
    },
    '&.cm-focused': { outline: 'none' },
    '.cm-scroller': {
      fontFamily: 'var(--font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace)',
      lineHeight: '1.6',
    },
    '.cm-content': { caretColor: 'var(--foreground)', padding: '8px 0' },
    '.cm-line': { padding: '0 12px 0 8px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--foreground)', borderLeftWidth: '1.5px' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
      { backgroundColor: 'color-mix(in oklch, var(--primary) 18%, transparent)' },
    '.cm-gutters': {
      backgroundColor: 'var(--muted)',
      color: 'var(--muted-foreground)',
      borderRight: '1px solid var(--border)',
    },
    '.cm-lineNumbers .cm-gutterElement': { padding: '0 8px 0 12px', minWidth: '2.5em' },
    '.cm-foldGutter .cm-gutterElement': { padding: '0 4px', cursor: 'pointer' },
    '.cm-activeLine': { backgroundColor: 'color-mix(in oklch, var(--accent) 45%, transparent)' },
    '.cm-activeLineGutter': {
      backgroundColor: 'color-mix(in oklch, var(--accent) 80%, transparent)',
      color: 'var(--foreground)',
    },
    '&.cm-focused .cm-matchingBracket': {
      backgroundColor: 'color-mix(in oklch, var(--primary) 16%, transparent)',
      outline: '1px solid color-mix(in oklch, var(--primary) 45%, transparent)',
      borderRadius: '2px',
    },
    '&.cm-focused .cm-nonmatchingBracket': {
      backgroundColor: 'color-mix(in oklch, var(--destructive) 14%, transparent)',
      color: 'var(--destructive)',
    },
    '.cm-selectionMatch': { backgroundColor: 'color-mix(in oklch, var(--primary) 9%, transparent)' },
    '.cm-foldPlaceholder': {
      backgroundColor: 'var(--muted)',
      border: '1px solid var(--border)',
      color: 'var(--muted-foreground)',
      borderRadius: '4px',
      padding: '0 4px',
      margin: '0 2px',
    },
    '.cm-placeholder': { color: 'var(--muted-foreground)' },
    '.cm-tooltip': {
      backgroundColor: 'var(--popover)',
      color: 'var(--popover-foreground)',
      border: '1px solid var(--border)',
      borderRadius: 'calc(var(--radius) - 2px)',
      boxShadow: '0 4px 16px rgb(0 0 0 / 0.08)',
      overflow: 'hidden',
    },
    '.cm-tooltip-lint': { padding: '2px 0' },
    '.cm-diagnostic': { padding: '4px 10px', fontSize: '12.5px', lineHeight: '1.45', maxWidth: '44rem' },
    '.cm-diagnostic-error': { borderLeft: '3px solid var(--destructive)' },
    '.cm-diagnostic-warning': { borderLeft: '3px solid var(--warning)' },
    '.cm-diagnostic-info': { borderLeft: '3px solid var(--primary)' },
    '.cm-panels': {
      backgroundColor: 'var(--muted)',
      color: 'var(--foreground)',
      borderColor: 'var(--border)',
    },
    '.cm-panels input, .cm-panels button': { fontSize: '12.5px' },
    '.cm-textfield': {
      border: '1px solid var(--input)',
      borderRadius: '4px',
      backgroundColor: 'var(--background)',
      padding: '1px 6px',
    },
    '.cm-button': {
      backgroundImage: 'none',
      backgroundColor: 'var(--background)',
      border: '1px solid var(--input)',
      borderRadius: '4px',
    },
    '.cm-searchMatch': { backgroundColor: 'color-mix(in oklch, var(--warning) 22%, transparent)' },
    '.cm-searchMatch.cm-searchMatch-selected': {
      backgroundColor: 'color-mix(in oklch, var(--primary) 25%, transparent)',
    },
  },
  { dark: false },
);

function setupFor(readOnly: boolean): BasicSetupOptions {
  return {
    lineNumbers: true,
    foldGutter: true,
    bracketMatching: true,
    highlightActiveLine: !readOnly,
    highlightActiveLineGutter: !readOnly,
    highlightSelectionMatches: true,
    closeBrackets: !readOnly,
    autocompletion: false,
    indentOnInput: !readOnly,
    searchKeymap: true,
    lintKeymap: true,
    foldKeymap: true,
    tabSize: 2,
  };
}

function clampDiagnostic(d: JsonDiagnostic, length: number): Diagnostic {
  const from = Math.max(0, Math.min(d.from, length));
  const to = Math.max(from, Math.min(d.to, length));
  return { from, to, severity: d.severity, message: d.message };
}

export function JsonEditor({
  value,
  onChange,
  ariaLabel,
  ariaDescribedBy,
  extraDiagnostics,
  height = '360px',
  readOnly = false,
  allowEmpty = false,
  placeholder,
  invalid = false,
  className,
}: JsonEditorProps) {
  const viewRef = useRef<EditorView | null>(null);
  // The linter is built once; it reads the latest props through these refs.
  const extraRef = useRef(extraDiagnostics);
  const allowEmptyRef = useRef(allowEmpty);
  // The document the linter last ran on (CodeMirror documents are immutable values).
  const lintedDocRef = useRef<unknown>(null);
  useEffect(() => {
    extraRef.current = extraDiagnostics;
    allowEmptyRef.current = allowEmpty;
    // A changed document is linted anyway once typing pauses; only new rules for the same text
    // need a run right now.
    const view = viewRef.current;
    if (view && !readOnly && view.state.doc === lintedDocRef.current) forceLinting(view);
  }, [extraDiagnostics, allowEmpty, readOnly]);

  const extensions = useMemo<Extension[]>(() => {
    const attributes: Record<string, string> = { 'aria-label': ariaLabel };
    if (ariaDescribedBy) attributes['aria-describedby'] = ariaDescribedBy;
    const base: Extension[] = [json(), EditorView.contentAttributes.of(attributes)];
    if (readOnly) return base;
    const parseLint = jsonParseLinter();
    const source = (view: EditorView): Diagnostic[] => {
      lintedDocRef.current = view.state.doc;
      const text = view.state.doc.toString();
      if (text.trim() === '') return allowEmptyRef.current ? [] : parseLint(view);
      const syntax = parseLint(view);
      if (syntax.length > 0) return syntax;
      const extra = extraRef.current?.(text) ?? [];
      return extra.map((d) => clampDiagnostic(d, text.length));
    };
    return [...base, lintGutter(), linter(source, { delay: 250 })];
  }, [ariaLabel, ariaDescribedBy, readOnly]);

  const handleChange = useCallback((next: string) => onChange?.(next), [onChange]);

  return (
    <div
      className={cn(
        'overflow-hidden rounded-md border border-input bg-card shadow-xs transition-[color,box-shadow]',
        'focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50',
        invalid && 'border-destructive focus-within:border-destructive focus-within:ring-destructive/20',
        readOnly && 'bg-muted/40',
        className,
      )}
      data-slot="json-editor"
      data-invalid={invalid || undefined}
    >
      <CodeMirror
        value={value}
        onChange={handleChange}
        height={height}
        theme={editorTheme}
        basicSetup={setupFor(readOnly)}
        extensions={extensions}
        // Read-only stays focusable, so the text can be scrolled and selected from the keyboard.
        readOnly={readOnly}
        placeholder={placeholder}
        indentWithTab={!readOnly}
        onCreateEditor={(view) => {
          viewRef.current = view;
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Locating a JSON pointer in JSON text, so that a problem reported at a path can be underlined.
// ---------------------------------------------------------------------------------------------

function skipWs(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else break;
  }
  return i;
}

/** End (exclusive) of the string literal starting at `i` (a '"'). */
function skipString(text: string, i: number): number {
  i++;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/** End (exclusive) of the JSON value starting at `i`. Iterative, so deep nesting is safe. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

function decodePointer(ptr: string): string[] {
  if (ptr === '' || ptr === '/') return ptr === '/' ? [''] : [];
  return ptr
    .replace(/^\//, '')
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function lineEndAt(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

/**
 * The character range to mark for a JSON pointer (RFC 6901) in valid JSON text: the member's key
 * (and its value when that fits on the key's line), or the array element. When the pointer goes
 * further than the text, the deepest existing part is marked.
 */
export function locateJsonPointer(text: string, ptr: string): { from: number; to: number } {
  const tokens = decodePointer(ptr);
  let valueStart = skipWs(text, 0);
  let keyStart = -1;
  for (const token of tokens) {
    const open = text[valueStart];
    let found = -1;
    let foundKey = -1;
    if (open === '{') {
      let i = skipWs(text, valueStart + 1);
      while (i < text.length && text[i] === '"') {
        const kStart = i;
        const kEnd = skipString(text, i);
        let key: string | null = null;
        try {
          key = JSON.parse(text.slice(kStart, kEnd)) as string;
        } catch {
          key = null;
        }
        i = skipWs(text, kEnd);
        if (text[i] !== ':') break;
        i = skipWs(text, i + 1);
        if (key === token) {
          found = i;
          foundKey = kStart;
          break;
        }
        i = skipWs(text, skipValue(text, i));
        if (text[i] !== ',') break;
        i = skipWs(text, i + 1);
      }
    } else if (open === '[' && /^(0|[1-9]\d*)$/.test(token)) {
      const target = Number(token);
      let i = skipWs(text, valueStart + 1);
      for (let n = 0; i < text.length && text[i] !== ']'; n++) {
        if (n === target) {
          found = i;
          break;
        }
        i = skipWs(text, skipValue(text, i));
        if (text[i] !== ',') break;
        i = skipWs(text, i + 1);
      }
    }
    if (found === -1) break;
    valueStart = found;
    keyStart = foundKey;
  }
  const valueEnd = skipValue(text, valueStart);
  const start = keyStart >= 0 ? keyStart : valueStart;
  const lineEnd = lineEndAt(text, start);
  const to = valueEnd <= lineEnd ? valueEnd : keyStart >= 0 ? skipString(text, keyStart) : Math.min(lineEnd, valueEnd);
  return { from: start, to: Math.max(to, Math.min(start + 1, text.length)) };
}

/** 1-based line number of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/**
 * Where and why JSON text does not parse, or null when it does. Positions come from the
 * engine's JSON.parse message (V8: "at position N", Firefox: "line L column C"); an engine that
 * gives none leaves them null.
 */
export function jsonSyntaxError(
  text: string,
): { offset: number | null; line: number | null; column: number | null; reason: string } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let offset: number | null = null;
    const position = /at position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (position) {
      offset = Math.min(Number(position[1]), text.length);
    } else if (lineColumn) {
      const lines = text.split('\n');
      const line = Math.min(Number(lineColumn[1]), lines.length);
      offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lineColumn[2]) - 1;
    } else if (/end of (JSON )?(input|data)/i.test(message)) {
      offset = text.length;
    }
    const reason = message
      .replace(/^JSON(\.parse:| Parse error:)\s*/, '')
      .replace(/\s*(in JSON\s*)?at (position \d+|line \d+ column \d+)[^]*$/, '')
      .replace(/[.\s]+$/, '');
    if (offset === null) return { offset: null, line: null, column: null, reason };
    const line = lineOf(text, offset);
    const column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
    return { offset, line, column, reason };
  }
}
