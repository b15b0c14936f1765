/** What keeps a schema from being stored, said politely as it is typed. */

/** The problems, or nothing when there are none. */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  return (
    <div aria-live="polite">
      {problems.length > 0 && (
        <ul className="form-error problem-lines" aria-label="Problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
