import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons';
import '../styles/modal.css';

interface ModalProps {
  open: boolean;
  /** The dialog's accessible name; tests and screen readers find it by this. */
  title: string;
  subtitle?: ReactNode;
  /** Called when the person presses Escape, clicks the backdrop or the close button. */
  onDismiss(): void;
  /** False while the dialog must not be dismissed (a charge is on its way). */
  dismissible?: boolean;
  /**
   * False hands the page to another layer on top (Stripe's 3-D Secure window):
   * no focus trap, no blocked pointer events, and Escape belongs to that layer.
   */
  modal?: boolean;
  size?: 'md' | 'lg';
  children: ReactNode;
}

/** The app's one dialog frame: Radix handles focus, Escape and the accessibility tree. */
export function Modal({
  open,
  title,
  subtitle,
  onDismiss,
  dismissible = true,
  modal = true,
  size = 'md',
  children,
}: ModalProps) {
  const guard = (event: Event) => {
    if (!dismissible || !modal) event.preventDefault();
  };
  return (
    <Dialog.Root
      open={open}
      modal={modal}
      onOpenChange={(next) => {
        if (!next && dismissible) onDismiss();
      }}
    >
      <Dialog.Portal>
        {/* Radix's own Overlay locks scrolling by injecting a <style> element, which the CSP (style-src 'self') refuses. */}
        {modal && <div className="modal-overlay" aria-hidden="true" />}
        <Dialog.Content
          className={`modal modal--${size}`}
          aria-describedby={undefined}
          onEscapeKeyDown={guard}
          onInteractOutside={guard}
        >
          <header className="modal__header">
            <div>
              <Dialog.Title className="modal__title">{title}</Dialog.Title>
              {subtitle && <p className="modal__subtitle muted">{subtitle}</p>}
            </div>
            {dismissible && (
              <Dialog.Close className="button button--ghost button--icon" aria-label="Close dialog">
                <CloseIcon />
              </Dialog.Close>
            )}
          </header>
          <div className="modal__body">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
