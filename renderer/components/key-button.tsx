import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** The keyboard shortcut, shown on the button and announced (aria-keyshortcuts). */
  readonly shortcut?: string;
  readonly children: ReactNode;
};

/** A button that shows its key. Its accessible name is the label followed by the key, e.g. "현금 F2". */
export function KeyButton({ shortcut, children, className, type = 'button', ...rest }: Props) {
  return (
    <button type={type} className={['key-button', className].filter(Boolean).join(' ')} aria-keyshortcuts={shortcut} {...rest}>
      <span className="key-button-label">{children}</span>
      {shortcut ? (
        <>
          {' '}
          <kbd>{shortcut}</kbd>
        </>
      ) : null}
    </button>
  );
}
