import type { CompletedSaleView, SaleView } from '../api/contract.ts';
import type { CustomerDisplay, DisplayOutcome } from '../../drivers/display/types.ts';
import type { DeviceSlot } from './device-slot.ts';
import type { EventBus } from './event-bus.ts';
import { completedRows, idleRows, saleRows, type DisplayTextOptions } from './pole-display-text.ts';

/**
 * Keeps the pole display in step with the lane: each line rung with its amount and the total, and
 * thanks with the change at the end. Updates go out one at a time in order; a display fault is
 * its status on the board and never touches the sale.
 */
export class PoleDisplayFeed {
  private previous: SaleView | null = null;
  private rows: [string, string] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private justCompleted = false;
  private readonly stop: () => void;

  constructor(
    private readonly slot: DeviceSlot<CustomerDisplay>,
    bus: EventBus,
    private readonly money: Omit<DisplayTextOptions, 'codePage'>,
  ) {
    this.stop = bus.onEvent((event, payload) => {
      if (event === 'sale') this.onSale(payload as SaleView | null);
      else if (event === 'saleCompleted') this.onCompleted(payload as CompletedSaleView);
    });
  }

  /** Shows these rows now (the devices screen's test), then the sale's rows again on its next change. */
  show(top: string, bottom: string): Promise<DisplayOutcome> {
    const display = this.slot.active;
    if (!display) return Promise.resolve({ ok: false, code: 'disconnected', message: 'no customer display is configured' });
    const sent = this.queue.then(() => display.show(top, bottom));
    this.queue = sent.catch(() => undefined);
    return sent;
  }

  /** Shows the current rows again (after the display was pointed at a new endpoint). */
  refresh(): void {
    const display = this.slot.active;
    if (display) this.put(this.rows ?? idleRows(this.options(display)));
  }

  dispose(): void {
    this.stop();
  }

  private options(display: CustomerDisplay): DisplayTextOptions {
    return { ...this.money, codePage: display.codePage };
  }

  private onSale(sale: SaleView | null): void {
    const display = this.slot.active;
    if (!display) return;
    // The sale clears after it completes; the thanks stay up until the next sale starts.
    if (!sale) {
      if (!this.justCompleted) this.put(idleRows(this.options(display)));
      this.previous = null;
      return;
    }
    this.justCompleted = false;
    this.put(saleRows(sale, this.previous, this.options(display)));
    this.previous = sale;
  }

  private onCompleted(done: CompletedSaleView): void {
    const display = this.slot.active;
    if (!display) return;
    this.justCompleted = true;
    this.previous = null;
    this.put(completedRows(done, this.options(display)));
  }

  private put(rows: [string, string]): void {
    this.rows = rows;
    void this.show(...rows);
  }
}
