/**
 * Keyboard-wedge scanner on window keydown (capture phase, so it sees keys before any field or
 * shortcut handler does). Timing decisions are WedgeMachine's; this file only touches the DOM:
 * preventDefault on swallowed keys, giving held typing back to the field, and wiping the first
 * character of a scan that landed in a field before the burst was recognised.
 * Elements inside [data-wedge="off"] are left alone entirely.
 */
import { WedgeMachine, type WedgeDecision, type WedgeOptions } from './wedge-machine.ts';

export type ScanListener = (code: string) => void;

/**
 * What was typed by hand outside any text field (digits, `*`), as a window CustomEvent whose
 * detail is the text: the lane's keypad listens (keypad.ts), nobody else needs to know the wedge.
 */
export const WEDGE_TYPED_EVENT = 'wedge-typed';

type TextField = HTMLInputElement | HTMLTextAreaElement;

const textInputTypes = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

function textField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && textInputTypes.has(target.type)) return target;
  return null;
}

function isEditable(target: EventTarget | null): boolean {
  return textField(target) !== null || (target instanceof HTMLElement && target.isContentEditable);
}

/** Inserts text at the caret the way typing would (input events fire; React sees them). */
function insertText(text: string): void {
  if (text === '') return;
  // execCommand is the only way to insert like a keystroke (undo stack, input events) in Chromium.
  document.execCommand('insertText', false, text);
}

/** Removes `leaked` just before the caret of the field, if it is still there. */
function removeLeak(field: TextField | null, leaked: string): void {
  if (!field || leaked === '') return;
  const end = field.selectionStart;
  if (end === null || end < leaked.length) return;
  if (field.value.slice(end - leaked.length, end) !== leaked) return;
  field.setSelectionRange(end - leaked.length, end);
  document.execCommand('delete');
}

export function listenKeyboardWedge(onScan: ScanListener, options: Partial<WedgeOptions> = {}): () => void {
  const machine = new WedgeMachine(options);
  const settleMs = options.settleMs ?? 200;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstTarget: TextField | null = null;

  const apply = (decision: WedgeDecision): void => {
    if (decision.release !== '' && document.activeElement === burstTarget) insertText(decision.release);
    if (decision.typed) window.dispatchEvent(new CustomEvent(WEDGE_TYPED_EVENT, { detail: decision.typed }));
    if (decision.scan) {
      removeLeak(burstTarget, decision.scan.leaked);
      onScan(decision.scan.code);
    }
  };

  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!machine.pending) return;
    timer = setTimeout(() => {
      timer = undefined;
      apply(machine.flush(performance.now()));
      arm();
    }, settleMs + 10);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    // A field may opt out (the PIN field: nothing there is ever a scan, and it must take fast typing).
    if (event.target instanceof Element && event.target.closest('[data-wedge="off"]')) return;
    const wasPending = machine.pending;
    const decision = machine.key({
      code: event.code,
      shiftKey: event.shiftKey,
      key: event.key,
      timeStamp: event.timeStamp,
      editable: isEditable(event.target),
      modified: event.ctrlKey || event.altKey || event.metaKey,
      repeat: event.repeat,
    });
    if (!wasPending && machine.pending) burstTarget = textField(event.target);
    if (decision.swallow) {
      event.preventDefault();
      event.stopPropagation();
    }
    apply(decision);
    arm();
  };

  window.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
  };
}
