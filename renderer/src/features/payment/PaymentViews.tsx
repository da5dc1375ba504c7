import type { ReactNode } from 'react';
import { AlertIcon, CheckCircleIcon, InfoIcon, RefreshIcon } from '../../components/icons';

export const CANCELED_MESSAGE = 'Canceled \u2014 no charge was made.';

interface Action {
  label: string;
  onClick(): void;
  primary?: boolean;
  disabled?: boolean;
}

export function Actions({ actions }: { actions: Action[] }) {
  return (
    <div className="modal__actions">
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          className={action.primary ? 'button button--primary' : 'button button--secondary'}
          onClick={action.onClick}
          disabled={action.disabled}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}

/** A spinner with a live sentence, for every moment the person can only wait. */
export function Progress({ children, hint }: { children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="payment-state">
      <RefreshIcon className="payment-state__icon payment-state__icon--busy spin" />
      <p className="payment-state__title" role="status">
        {children}
      </p>
      {hint && <p className="payment-state__text muted">{hint}</p>}
    </div>
  );
}

type Tone = 'success' | 'danger' | 'warning' | 'info';

const TONE_ICON: Record<Tone, typeof CheckCircleIcon> = {
  success: CheckCircleIcon,
  danger: AlertIcon,
  warning: AlertIcon,
  info: InfoIcon,
};

/** An outcome: an icon, one sentence that says what happened, and details below. */
export function Outcome({ tone, title, children }: { tone: Tone; title: string; children?: ReactNode }) {
  const Icon = TONE_ICON[tone];
  return (
    <div className={`payment-state payment-state--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <Icon className="payment-state__icon" />
      <h3 className="payment-state__title">{title}</h3>
      {children}
    </div>
  );
}
