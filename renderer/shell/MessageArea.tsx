/** Messages floating over the bottom of the window: errors stay until dismissed, information fades after a few seconds. */
import { useEffect } from 'react';

/** A message to show. */
export interface Message {
  text: string;
  kind: 'error' | 'info';
  at: number;
}

/** Props of the message area. */
export interface MessageAreaProps {
  message: Message | null;
  onDismiss: () => void;
}

function MessageLine({ message, onDismiss }: { message: Message; onDismiss: () => void }) {
  return (
    <div className={`message message-${message.kind}`}>
      <span className="message-text">{message.text}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

/**
 * Two live regions that are always in the page (a region created with its text is not reliably
 * announced): information is announced politely, errors assertively.
 */
export function MessageArea({ message, onDismiss }: MessageAreaProps) {
  useEffect(() => {
    if (!message || message.kind === 'error') return;
    const timer = setTimeout(onDismiss, 6000);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="message-area">
      <div role="status" aria-label="Messages">
        {message?.kind === 'info' && <MessageLine message={message} onDismiss={onDismiss} />}
      </div>
      <div role="alert" aria-label="Errors">
        {message?.kind === 'error' && <MessageLine message={message} onDismiss={onDismiss} />}
      </div>
    </div>
  );
}
