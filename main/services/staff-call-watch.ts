import type { StaffCallClient, StaffCallNotice } from '../../sync/staff-call-client.ts';

/**
 * On a staff till (lane, pickup desk): the store's kiosks' open staff calls, asked of the central
 * API every few seconds, told to the screens when they change. Offline the list is what was last
 * seen and says since when, never a guess.
 */
export class StaffCallWatch {
  private calls: StaffCallNotice[] = [];
  private checkedAt: string | null = null;
  private readonly timer: NodeJS.Timeout;
  private busy = false;
  /** After failures the central API is asked less and less often (up to every 30 s): a dead server is not hammered. */
  private failures = 0;
  private nextAt = 0;

  constructor(
    private readonly client: Pick<StaffCallClient, 'open'>,
    private readonly onChange: (calls: { calls: StaffCallNotice[]; checkedAt: string | null }) => void,
    private readonly intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
    void this.poll();
  }

  list(): { calls: StaffCallNotice[]; checkedAt: string | null } {
    return { calls: [...this.calls], checkedAt: this.checkedAt };
  }

  async poll(): Promise<void> {
    if (this.busy || Date.now() < this.nextAt) return;
    this.busy = true;
    try {
      const r = await this.client.open();
      if (!r.ok) {
        this.failures++;
        this.nextAt = Date.now() + Math.min(30_000, this.intervalMs * 2 ** this.failures);
        return;
      }
      this.failures = 0;
      this.checkedAt = new Date().toISOString();
      const changed = JSON.stringify(r.value) !== JSON.stringify(this.calls);
      this.calls = r.value;
      if (changed) this.onChange(this.list());
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
