/** What a lead view is busy with: reading the corpus, computing (documents done of all), or what went wrong. */
import type { AgreementProgress } from '../../../core/agreement/types';

/** Props of the progress line. */
export interface LeadProgressProps {
  loading: string | null;
  progress: AgreementProgress | null;
  error: string | null;
  /** What the computation is ("Computing agreement"). */
  what: string;
}

/** A progress bar with its words, or an error. */
export function LeadProgress({ loading, progress, error, what }: LeadProgressProps) {
  if (error)
    return (
      <p className="form-error lead-error" role="alert">
        {error}
      </p>
    );
  if (loading)
    return (
      <p className="lead-progress" role="status">
        <progress aria-label={loading} /> {loading}
      </p>
    );
  if (progress)
    return (
      <p className="lead-progress" role="status">
        <progress aria-label={what} value={progress.done} max={Math.max(1, progress.total)} /> {what}: {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')} documents
      </p>
    );
  return null;
}
