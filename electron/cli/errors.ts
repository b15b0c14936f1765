/** Exit codes of the `spanlight` CLI and the error that maps to a usage failure. */

/** Success. */
export const EXIT_OK = 0;
/** The input had problems (errors), even if good records were written with --skip-bad. */
export const EXIT_PROBLEMS = 1;
/** Usage error: unknown format, missing file, bad option. */
export const EXIT_USAGE = 2;

/** A usage error: reported as one line on stderr, exit code 2. */
export class UsageError extends Error {
  /** Builds the error with a message meant for the user. */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
