/** The annotate view: the document, its label bar, status controls and span list, with the keyboard and mouse gestures of annotation. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationSet, DocStatus, DocToken, LabelDef, ProjectSettings } from '../../core/model';
import { snapToTokens, trimWhitespace } from '../../core/text/tokenizer';
import { hasDuplicate, overlapsAny, type SpanEdit } from '../../core/spans/edits';
import type { SpanlightDb } from '../db/database';
import { DocumentEditor } from '../editor/DocumentEditor';
import { placeCaretAtOffset, selectionOffsets, spanIdsAt } from '../editor/dom-offsets';
import { revealRange } from '../editor/document-view';
import { moveSelectionByKey } from '../editor/keyboard-selection';
import { KeyboardCaret } from '../editor/KeyboardCaret';
import { LabelBar } from './LabelBar';
import { SpanList } from './SpanList';
import { SetPicker } from './SetPicker';
import { StatusControls } from './StatusControls';
import { newSpan, useAnnotationSet } from './use-annotation-set';
import { labelForKey } from './label-keys';
import { useShortcutKeys } from './use-shortcut-keys';
import { useTextGestures } from './use-text-gestures';
import { LabelFirstBanner } from './LabelFirstBanner';
import { oddSpanWarning } from './odd-spans';
import { PanelToggle, type Panels } from '../layout/panels';
import { registerDocumentText } from '../layout/text-focus';

/** Props of the annotate view. */
export interface AnnotateViewProps {
  db: SpanlightDb;
  docId: string;
  title: string;
  text: string;
  /** Whose set is shown: the user's own (editable), or another annotator's (read-only). */
  annotator: string;
  /** The person using the app. */
  self: string;
  /** Shows another annotator's set (or the user's own again). */
  onShow: (annotator: string) => void;
  labels: LabelDef[];
  settings: ProjectSettings;
  position: { index: number; total: number };
  onStored: (set: AnnotationSet) => void;
  onMessage: (message: string, kind?: 'error' | 'info') => void;
  onNavigate: (step: 1 | -1) => void;
  keysEnabled: boolean;
  /** The label every drag or double-click tags with (label-first mode), or null. */
  labelFirst: string | null;
  onLabelFirst: (label: string | null) => void;
  /** Move the keyboard focus into the text once it is shown (after a document change). */
  focusText: boolean;
  onTextFocused: () => void;
  /** Which side panels are open (the span list is this view's). */
  panels: Panels;
  /** The tokens the document brought, when it did (double-click selects them); else the core tokenizer's. */
  tokens?: readonly DocToken[];
}

const REOPENED = 'This document is in progress again after your edit; mark it done (Ctrl+Enter) when it is finished.';

/** Annotate one document. */
export function AnnotateView(props: AnnotateViewProps) {
  const { db, docId, text, annotator, self, labels, settings, onMessage, onNavigate, keysEnabled, labelFirst, onLabelFirst, panels } = props;
  const readOnly = annotator !== self;
  const refuseReadOnly = useCallback(() => onMessage(`These are ${annotator}'s annotations, shown read-only: choose your own under “Annotations of” to edit.`, 'info'), [annotator, onMessage]);
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const root = useRef<HTMLElement | null>(null);
  const onError = useCallback((m: string) => onMessage(m, 'error'), [onMessage]);
  const api = useAnnotationSet(db, docId, annotator, props.onStored, onError);
  const spans = useMemo(() => api.set?.spans ?? [], [api.set]);
  const selectedSpan = spans.find((s) => s.id === selectedSpanId) ?? null;

  useEffect(() => setSelectedSpanId(null), [docId]);

  // Once the text has been shown it stays while another annotator's set loads (no flash, no lost
  // selection target); before the first set arrives the view says it is loading.
  const [textShown, setTextShown] = useState(false);
  useEffect(() => {
    if (api.set) setTextShown(true);
  }, [api.set]);

  // Span edits reopen a finished or skipped document (see useAnnotationSet); say so, since export takes done ones.
  // A key pressed before the document's set has loaded would be lost: say so instead.
  const stillLoading = useCallback(() => onMessage('This document’s annotations are still loading: try again in a moment.', 'info'), [onMessage]);

  const applyEdit = useCallback(
    (edit: SpanEdit) => {
      if (readOnly) return refuseReadOnly();
      if (!api.set) return stillLoading();
      const status = api.set.status;
      api.apply(edit);
      // Said in the messages' live region: the reopening, and a gentle word on a span that looks like a slip.
      const notes = [status === 'done' || status === 'skipped' ? REOPENED : null, edit.after && !edit.before ? oddSpanWarning(text, edit.after.start, edit.after.end) : null];
      const said = notes.filter((n) => n !== null).join(' ');
      if (said) onMessage(said, 'info');
    },
    [api, onMessage, readOnly, refuseReadOnly, stillLoading, text],
  );

  const tagSelection = useCallback(
    (label: string, exact: boolean): boolean => {
      const element = root.current;
      if (!element) return false;
      const range = selectionOffsets(element);
      if (!range) return false;
      const target = exact ? range : settings.snapToTokens ? snapToTokens(text, range.start, range.end, props.tokens) : trimWhitespace(text, range.start, range.end);
      if (!target) {
        onMessage('Only whitespace is selected: nothing to tag.', 'info');
        return true;
      }
      if (hasDuplicate(spans, target.start, target.end, label)) {
        onMessage(`“${text.slice(target.start, target.end)}” is already tagged ${label}.`, 'info');
      } else if (!settings.allowOverlaps && overlapsAny(spans, target.start, target.end)) {
        onMessage('This selection overlaps a span, and overlaps are turned off for this project.', 'info');
      } else {
        applyEdit({ before: null, after: newSpan(target.start, target.end, label, annotator) });
      }
      // Keyboard users go on from the end of what they tagged, once the paragraph has repainted.
      window.getSelection()?.removeAllRanges();
      requestAnimationFrame(() => {
        if (element.isConnected && !window.getSelection()?.rangeCount) placeCaretAtOffset(element, undefined, target.end);
      });
      return true;
    },
    [settings, text, props.tokens, spans, applyEdit, annotator, onMessage],
  );

  const applyLabel = useCallback(
    (label: string, exact: boolean) => {
      if (tagSelection(label, exact)) return;
      if (selectedSpan && selectedSpan.label !== label) {
        if (hasDuplicate(spans, selectedSpan.start, selectedSpan.end, label)) {
          onMessage(`“${text.slice(selectedSpan.start, selectedSpan.end)}” is already tagged ${label}.`, 'info');
          return;
        }
        applyEdit({ before: selectedSpan, after: { ...selectedSpan, label } });
      } else if (!selectedSpan) {
        const selection = window.getSelection();
        const outside = selection && !selection.isCollapsed && root.current && !root.current.contains(selection.anchorNode) && !root.current.contains(selection.focusNode);
        if (outside) onMessage('The selection is outside the document text: select words inside the text, then choose a label.', 'info');
        // Nothing selected: label-first mode with this label (the same label again leaves it).
        else onLabelFirst(labelFirst === label ? null : label);
      }
    },
    [tagSelection, selectedSpan, spans, text, applyEdit, onMessage, labelFirst, onLabelFirst],
  );

  const deleteSelected = useCallback(() => {
    if (!selectedSpan) return;
    applyEdit({ before: selectedSpan, after: null });
    setSelectedSpanId(null);
  }, [selectedSpan, applyEdit]);

  // Finishing or skipping a document moves on to the next one, as annotators expect.
  const setStatus = useCallback(
    (status: DocStatus, note?: string) => {
      if (readOnly) return refuseReadOnly();
      if (!api.set) return stillLoading();
      api.setStatus(status, note);
      if (status === 'done' || status === 'skipped') onNavigate(1);
    },
    [api, onNavigate, readOnly, refuseReadOnly, stillLoading],
  );

  const undoOrRedo = useCallback(
    (redo: boolean) => {
      if (readOnly) return refuseReadOnly();
      if (!api.set) return stillLoading();
      const status = api.set.status;
      const edit = redo ? api.redo() : api.undo();
      if (!edit) onMessage(redo ? 'Nothing to redo in this document.' : 'Nothing to undo in this document.', 'info');
      else if (status === 'done' || status === 'skipped') onMessage(REOPENED, 'info');
      setSelectedSpanId(null);
    },
    [api, onMessage, readOnly, refuseReadOnly, stillLoading],
  );

  // Escape undoes one thing at a time: the selection first, then label-first mode.
  const escape = useCallback(() => {
    const selection = window.getSelection();
    const textSelected = !!selection && !selection.isCollapsed && !!root.current?.contains(selection.anchorNode);
    if (selectedSpan || textSelected || !labelFirst) {
      setSelectedSpanId(null);
      selection?.removeAllRanges();
    } else {
      onLabelFirst(null);
    }
    return false;
  }, [selectedSpan, labelFirst, onLabelFirst]);

  const labelOf = (event: KeyboardEvent) => labelForKey(labels, event)!.name;
  useShortcutKeys(keysEnabled, labels, {
    undo: () => (undoOrRedo(false), true),
    redo: () => (undoOrRedo(true), true),
    markDone: () => (setStatus('done'), true),
    moveCaret: (event) => !!root.current && moveSelectionByKey(event, root.current),
    tagExact: (event) => (applyLabel(labelOf(event), true), true),
    tag: (event) => (applyLabel(labelOf(event), false), true),
    // Keyboard users in label-first mode: Shift+arrows select, Enter tags.
    tagWithMode: () => !!labelFirst && document.activeElement === root.current && tagSelection(labelFirst, false),
    deleteSpan: () => !!selectedSpan && (deleteSelected(), true),
    escape,
    next: () => (onNavigate(1), true),
    previous: () => (onNavigate(-1), true),
  });

  const onTextClick = useCallback(
    (event: React.MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const ids = spanIdsAt(event.target);
      if (ids.length === 0) {
        setSelectedSpanId(null);
        return;
      }
      // Innermost first; clicking again on the same spot cycles through overlapping spans.
      const innermostFirst = [...ids].reverse();
      const at = selectedSpanId ? innermostFirst.indexOf(selectedSpanId) : -1;
      setSelectedSpanId(innermostFirst[(at + 1) % innermostFirst.length] ?? null);
    },
    [selectedSpanId],
  );

  const selectFromList = useCallback(
    (spanId: string) => {
      setSelectedSpanId(spanId);
      // The span may be far from what is rendered: the view brings it on screen first.
      const span = spans.find((s) => s.id === spanId);
      if (span && root.current) revealRange(root.current, span.start, span.end).catch((error: unknown) => onError(`Could not show the span: ${String(error)}`));
    },
    [spans, onError],
  );

  const gestures = useTextGestures({ root, text, tokens: props.tokens, labelFirst, tagSelection, onClick: onTextClick });

  const [rootElement, setRootElement] = useState<HTMLElement | null>(null);
  const onRootElement = useCallback((element: HTMLElement | null) => {
    root.current = element;
    setRootElement(element);
    registerDocumentText(element);
  }, []);

  // After a document change the keyboard focus goes back into the text, once it is shown.
  const { focusText, onTextFocused } = props;
  useEffect(() => {
    if (!focusText || !rootElement) return;
    rootElement.focus({ preventScroll: true });
    onTextFocused();
  }, [focusText, rootElement, onTextFocused]);

  const modeColor = labels.find((l) => l.name === labelFirst)?.color ?? '#888888';

  return (
    <div className="annotate">
      <div className="annotate-main">
        <header className="doc-header">
          <h1 className="doc-title" title={props.title}>
            {props.title}
          </h1>
          <SetPicker db={db} docId={docId} self={self} shown={annotator} onChange={props.onShow} onError={onError} />
          <span className="doc-position">
            {props.position.index + 1} / {props.position.total}
          </span>
          <PanelToggle panels={panels} panel="spans" name="Span list">
            Span list <span aria-hidden="true">{panels.open.spans ? '›' : '‹'}</span>
          </PanelToggle>
        </header>
        <div className="annotate-controls">
          <LabelBar labels={labels} activeLabel={selectedSpan?.label ?? null} labelFirst={labelFirst} onLabel={applyLabel} />
          <StatusControls
            set={api.set}
            selectedSpan={selectedSpan ? { label: selectedSpan.label, text: text.slice(selectedSpan.start, selectedSpan.end) } : null}
            onDeleteSpan={deleteSelected}
            onStatus={setStatus}
            onNavigate={onNavigate}
            onUndo={() => undoOrRedo(false)}
            onRedo={() => undoOrRedo(true)}
            canUndo={api.canUndo}
            canRedo={api.canRedo}
            save={api.save}
            readOnly={readOnly ? annotator : null}
            banner={<LabelFirstBanner label={labelFirst} color={modeColor} onStop={() => onLabelFirst(null)} />}
          />
        </div>
        <div
          className={labelFirst ? 'document-scroller label-first' : 'document-scroller'}
          style={labelFirst ? { ['--label-color' as string]: modeColor } : undefined}
          onMouseDown={gestures.onMouseDown}
          onMouseUp={gestures.onMouseUp}
          onClick={gestures.onClick}
        >
          {api.set || textShown ? (
            <DocumentEditor
              docId={docId}
              text={text}
              spans={spans}
              labels={labels}
              selectedSpanId={selectedSpanId}
              onRootElement={onRootElement}
              onError={onError}
            />
          ) : (
            <p className="empty">Loading…</p>
          )}
          <KeyboardCaret root={rootElement} />
        </div>
      </div>
      {panels.open.spans && <SpanList text={text} spans={spans} labels={labels} selectedSpanId={selectedSpanId} onSelect={selectFromList} unsaved={api.save.pendingHere} />}
    </div>
  );
}
