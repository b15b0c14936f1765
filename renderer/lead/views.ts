/** The workbench's views and how one view asks another to open a document at a place. */

/** The views the top bar switches between. */
export type ViewId = 'annotate' | 'agreement' | 'adjudicate' | 'audit';

/** The views in switcher order, with their names. */
export const VIEWS: readonly { id: ViewId; name: string; description: string }[] = [
  { id: 'annotate', name: 'Annotate', description: 'Tag documents' },
  { id: 'agreement', name: 'Agreement', description: 'How far annotators agree, and where they do not' },
  { id: 'adjudicate', name: 'Adjudicate', description: 'Compare annotators on a document and build the gold version' },
  { id: 'audit', name: 'Audit', description: 'Gold against a model (or any two annotators), and feedback for annotators' },
];

/** A document to open in the comparison, at a range, with the annotators to compare. */
export interface LeadFocus {
  docId: string;
  start?: number;
  end?: number;
  /** Annotators to show (default: the adjudication's choice). */
  annotators?: string[];
}
