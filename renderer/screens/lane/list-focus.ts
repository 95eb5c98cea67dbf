import type { KeyboardEvent, RefObject } from 'react';

/**
 * ↑↓ move the focus between the buttons of a dialog's list (and not the basket selection behind
 * the dialog); other keys pass.
 */
export function moveFocusInList(event: KeyboardEvent<HTMLElement>, list: RefObject<HTMLElement | null>): void {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (step === 0) return;
  event.preventDefault();
  event.stopPropagation();
  const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
  const at = buttons.findIndex((b) => b === document.activeElement);
  buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
}
