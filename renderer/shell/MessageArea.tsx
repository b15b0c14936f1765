/** The message line under the top bar: errors stay until dismissed, information fades after a few seconds. */
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

/** Live region announcing messages. */
export function MessageArea({ message, onDismiss }: MessageAreaProps) {
  useEffect(() => {
    if (!message || message.kind === 'error') return;
    const timer = setTimeout(onDismiss, 6000);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="message-area" role={message?.kind === 'error' ? 'alert' : 'status'} aria-label="Messages" aria-live="polite">
      {message && (
        <div className={`message message-${message.kind}`}>
          <span className="message-text">{message.text}</span>
          <button type="button" onClick={onDismiss} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
