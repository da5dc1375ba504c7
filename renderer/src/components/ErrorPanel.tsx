import { messageFor } from './error-message';
import { AlertIcon } from './icons';

interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, explained in plain words, with a way to try again. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  return (
    <div className="panel-state panel-state--error" role="alert">
      <AlertIcon className="panel-state__icon" />
      <p className="panel-state__title">{title}</p>
      <p className="panel-state__text">{messageFor(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
