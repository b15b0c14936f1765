/** Which label a key press chooses: its key as typed, or the digit key in the same place (top row or keypad, any layout). */
import type { LabelDef } from '../../core/model';

/** The label whose key `event` pressed, if any. */
export function labelForKey(labels: readonly LabelDef[], event: KeyboardEvent): LabelDef | undefined {
  return labels.find((l) => l.key === event.key || event.code === `Digit${l.key}` || event.code === `Numpad${l.key}`);
}
