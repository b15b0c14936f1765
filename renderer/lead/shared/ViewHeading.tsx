/** A lead view's heading: where the focus goes when the view opens (see `LeadArea`). */

/** The view's one h1, focusable from script. */
export function ViewHeading({ children }: { children: string }) {
  return (
    <h1 tabIndex={-1} data-view-heading>
      {children}
    </h1>
  );
}
