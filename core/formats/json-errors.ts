/** Locating JSON syntax errors (line and column) whatever the JavaScript engine's message says. */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Where and why a JSON text fails to parse. */
export interface JsonSyntaxError {
  /** 1-based line of the error (absent when only the engine saw it). */
  line?: number;
  /** 1-based column (UTF-16 code units) of the error. */
  column?: number;
  /** Short description, e.g. "value expected". */
  what: string;
}

/** `CloseBracketExpected` → `close bracket expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Line and column (both 1-based) of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The first syntax error of `text` (strict JSON: no comments, no trailing commas), or null when it
 * parses. `engineError` (what JSON.parse threw) is used only when the strict scan finds nothing.
 */
export function jsonSyntaxError(text: string, engineError?: unknown): JsonSyntaxError | null {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // The strict scanner recurses: nesting thousands of levels deep overflows it. The engine's message then.
    errors.length = 0;
    const what = engineError === undefined ? 'nested too deeply to locate the error' : (engineError as Error).message.replace(/\s+/g, ' ').trim();
    return { what };
  }
  const first = errors[0];
  if (!first) {
    if (engineError === undefined) return null;
    const what = (engineError as Error).message.replace(/\s+/g, ' ').trim();
    return { what };
  }
  return { ...lineColumn(text, first.offset), what: words(printParseErrorCode(first.error)) };
}

/** `invalid JSON at line L column C (what)`, for a problem located at `line`. */
export function jsonSyntaxMessage(error: JsonSyntaxError): string {
  if (error.line === undefined) return `invalid JSON (${error.what})`;
  return `invalid JSON at line ${error.line} column ${error.column} (${error.what})`;
}
