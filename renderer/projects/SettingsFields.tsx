/** The project's tagging settings: snapping to words and overlapping spans. */
import type { ProjectSettings } from '../../core/model';

/** Props of the settings. */
export interface SettingsFieldsProps {
  value: ProjectSettings;
  onChange: (settings: ProjectSettings) => void;
}

/** Two checkboxes. */
export function SettingsFields({ value, onChange }: SettingsFieldsProps) {
  return (
    <fieldset className="field">
      <legend>Tagging</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value.snapToTokens} onChange={(e) => onChange({ ...value, snapToTokens: e.target.checked })} /> Snap selections to whole words (Alt keeps the exact characters)
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={value.allowOverlaps} onChange={(e) => onChange({ ...value, allowOverlaps: e.target.checked })} /> Allow overlapping spans
      </label>
    </fieldset>
  );
}
