/**
 * Closing the till app with sales it has not synced is a supervisor's call, as signing out and the
 * Z report are: a closed till pushes nothing, and its sales reach head office only when it is
 * started again. The decisions are pure (unit-tested: Electron cannot run in CI); main.ts wires
 * them to the window's close, the app's before-quit, and the host (asked through its own port).
 */

/** `queued`: the host's count of mutations not yet pushed; null when the host did not answer. */
export type QuitDecision = 'quit' | 'ask-supervisor';

export function quitDecision(state: { readonly approved: boolean; readonly queued: number | null }): QuitDecision {
  if (state.approved) return 'quit';
  // A host that does not answer cannot sync either: the journal is on disk and is pushed at the next start.
  if (state.queued === null || state.queued === 0) return 'quit';
  return 'ask-supervisor';
}

export interface QuitGuardDeps {
  /** Asks the host how much is still queued (null when it does not answer in time). */
  readonly queued: () => Promise<number | null>;
  /** Shows the supervisor's PIN dialog in the till window. */
  readonly askSupervisor: (queued: number) => void;
  /** Quits for real (the guard lets the next close through). */
  readonly quit: () => void;
}

/** The close-or-ask flow: `requested` answers whether a close may go on now; otherwise it asks and the close is held. */
export class QuitGuard {
  private approved = false;
  private checking = false;

  constructor(private readonly deps: QuitGuardDeps) {}

  requested(): boolean {
    if (this.approved) return true;
    if (!this.checking) {
      this.checking = true;
      void this.check();
    }
    return false;
  }

  /** A supervisor approved (the host checked the PIN), or the host is gone: quit now. */
  approve(): void {
    this.approved = true;
    this.deps.quit();
  }

  private async check(): Promise<void> {
    const queued = await this.deps.queued().catch(() => null);
    this.checking = false;
    if (quitDecision({ approved: false, queued }) === 'quit') this.approve();
    else this.deps.askSupervisor(queued ?? 0);
  }
}
