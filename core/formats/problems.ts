/** Formatting of problems for people: `file:line: message`. */
import type { Problem } from './types.js';

/** One line naming the file, the line and the problem. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line].filter((p) => p !== undefined && p !== '').join(':');
  return where && !problem.message.startsWith(where) ? `${where}: ${problem.message}` : problem.message;
}
