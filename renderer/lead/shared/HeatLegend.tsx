/** The legend of a heat map: the colour scale from its lowest to its highest value. */
import { HEAT_GRADIENT } from './heat-colors';

/** Props of the legend. */
export interface HeatLegendProps {
  low: string;
  high: string;
  /** What the colour means ("spans", "F1"). */
  meaning: string;
}

/** A gradient bar with its two ends named. */
export function HeatLegend({ low, high, meaning }: HeatLegendProps) {
  return (
    <div className="heat-legend" role="img" aria-label={`Colour scale: lighter is ${low}, darker is ${high} ${meaning}`}>
      <span>{low}</span>
      <span className="heat-legend-bar" style={{ background: HEAT_GRADIENT }} />
      <span>
        {high} {meaning}
      </span>
    </div>
  );
}
