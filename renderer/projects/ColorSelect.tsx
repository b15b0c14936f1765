/** Chooses a label's colour from the colour-blind-safe palette, by name, with a swatch of the choice. */
import { PALETTE, colorName } from '../db/label-schema';

/** Props of the colour choice. */
export interface ColorSelectProps {
  value: string;
  onChange: (color: string) => void;
  /** Accessible name ("Colour of ACTOR"). */
  name: string;
}

/** A select of the palette's colours (a colour from outside the palette, from an older project, stays offered). */
export function ColorSelect({ value, onChange, name }: ColorSelectProps) {
  const inPalette = PALETTE.some((p) => p.color.toLowerCase() === value.toLowerCase());
  return (
    <span className="color-select">
      <span className="label-swatch" style={{ background: value }} aria-hidden="true" />
      <select aria-label={name} value={inPalette ? PALETTE.find((p) => p.color.toLowerCase() === value.toLowerCase())!.color : value} onChange={(e) => onChange(e.target.value)}>
        {!inPalette && <option value={value}>{colorName(value)} (not in the palette)</option>}
        {PALETTE.map((p) => (
          <option key={p.color} value={p.color}>
            {p.name}
          </option>
        ))}
      </select>
    </span>
  );
}
