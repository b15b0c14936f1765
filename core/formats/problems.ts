/** Formatting of problems for people: `file:line: message`. */
import type { Problem } from './types.js';

/** The message on one line: line breaks (and the spaces around them) become one space. */
export function oneLine(message: string): string {
  return message.replace(/(?:[ \t]*(?:\r\n|[\r\n\u2028\u2029])[ \t]*)+/g, ' ');
}

/** One line naming the file, the line and the problem. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line].filter((p) => p !== undefined && p !== '').join(':');
  const message = oneLine(problem.message);
  return where && !message.startsWith(where) ? `${where}: ${message}` : message;
}
