/** Says that label-first mode is on, with which label, and how to leave it; a live region, so entering and leaving are announced. */

/** Props of the banner. */
export interface LabelFirstBannerProps {
  /** The label-first label, or null when the mode is off (the region stays, empty). */
  label: string | null;
  color: string;
  onStop: () => void;
}

/** A chip in the label's colour: "Tagging with LOCATION: drag or double-click words · Esc to stop". */
export function LabelFirstBanner({ label, color, onStop }: LabelFirstBannerProps) {
  return (
    <div className="label-first-status" role="status" aria-label="Label-first mode">
      {label && (
        <span className="label-first-banner" style={{ ['--label-color' as string]: color }}>
          <span className="label-swatch" style={{ background: color }} aria-hidden="true" />
          <span>
            Tagging with <strong>{label}</strong>: drag or double-click words · <kbd>Esc</kbd> to stop
          </span>
          <button type="button" onClick={onStop}>
            Stop
          </button>
        </span>
      )}
    </div>
  );
}
