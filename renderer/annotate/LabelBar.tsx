/**
 * The label buttons: click (or press the key) to tag the selection or relabel the selected span;
 * with nothing selected, to start tagging with that label (label-first) — click it again to stop.
 */
import type { LabelDef } from '../../core/model';

/** Props of the label bar. */
export interface LabelBarProps {
  labels: LabelDef[];
  /** The selected span's label. */
  activeLabel: string | null;
  /** The label every drag tags with (label-first mode), or null. */
  labelFirst: string | null;
  onLabel: (label: string, exact: boolean) => void;
}

/** Row of label buttons with their shortcut keys. */
export function LabelBar({ labels, activeLabel, labelFirst, onLabel }: LabelBarProps) {
  return (
    <div className="label-bar" role="toolbar" aria-label="Labels">
      {labels.map((label) => (
        <button
          key={label.name}
          type="button"
          className={label.name === labelFirst ? 'label-button label-first' : 'label-button'}
          aria-pressed={activeLabel === label.name || labelFirst === label.name}
          title={`${label.description} (key ${label.key}; hold Alt for exact characters; with nothing selected, tag every drag with it until Escape)`}
          style={{ borderColor: label.color, ['--label-color' as string]: label.color }}
          // Keep the text selection: the click must not move focus or collapse it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => onLabel(label.name, e.altKey)}
        >
          <span className="label-swatch" style={{ background: label.color }} aria-hidden="true" />
          {label.name}
          <kbd aria-hidden="true">{label.key}</kbd>
        </button>
      ))}
    </div>
  );
}
