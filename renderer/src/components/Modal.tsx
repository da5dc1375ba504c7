import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState, type ReactNode } from 'react';
import { currentOpener, rememberOpener, returnFocus } from './dialog-focus';
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

/**
 * The app's one dialog frame: Radix handles Escape and the accessibility tree;
 * focus goes back to the control that opened it (see dialog-focus.ts). Dialogs
 * are rendered only while open, so the opener is whatever had focus at mount.
 */
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
  const [opener] = useState(currentOpener);
  useEffect(() => {
    if (!open) return;
    // After Radix has let go and any dialog that replaces this one has taken focus.
    return () => void setTimeout(() => returnFocus(opener));
  }, [open, opener]);
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
          ref={(node) => rememberOpener(node, opener)}
          className={`modal modal--${size}`}
          aria-describedby={undefined}
          // Without a trap, holding focus would only keep it from the layer on top (the bank's check).
          onOpenAutoFocus={(event) => {
            if (!modal) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => event.preventDefault()}
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
