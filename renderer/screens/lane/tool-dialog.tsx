import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly className?: string;
  /** alertdialog for questions that must be answered (age check, cancel). */
  readonly role?: 'dialog' | 'alertdialog';
  /** Escape closes; undefined: Escape does nothing here (the question must be answered). */
  readonly onClose?: () => void;
  readonly children: ReactNode;
}

/**
 * The frame of the sale-tool dialogs. Keys pressed inside stay inside: Escape closes this dialog
 * and never reaches the lane (which would dismiss the completion panel or a notice behind it).
 */
export function ToolDialog({ title, className, role = 'dialog', onClose, children }: Props) {
  const id = useId();
  const frame = useRef<HTMLElement>(null);
  // Keys reach the dialog only when the focus is in it: take it unless a field inside already has it.
  useEffect(() => {
    if (!frame.current?.contains(document.activeElement)) frame.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose?.();
  };
  // Over the lane, in the middle: the basket and the total stay visible around it.
  return (
    <div className="modal-backdrop">
      <section
        ref={frame}
        tabIndex={-1}
        className={['panel', 'tool-dialog', className].filter(Boolean).join(' ')}
        role={role}
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={onKeyDown}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </section>
    </div>
  );
}
