/** The first Tab stop of the page: jumps past the top bar and the document list into the document text. */
import { focusDocumentText } from './text-focus';

/** Id of the skip link's target (the annotate area, which holds the text). */
export const SKIP_TARGET_ID = 'annotate-area';

/** A link shown when it has the keyboard focus. */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${SKIP_TARGET_ID}`}
      onClick={(event) => {
        // Into the text itself when a document is open; else the browser goes to the annotate area.
        if (focusDocumentText()) event.preventDefault();
      }}
    >
      Skip to the document text
    </a>
  );
}
