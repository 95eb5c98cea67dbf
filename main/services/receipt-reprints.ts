import type { TillIdentity } from '../core/ports.ts';
import type { SqliteJournal } from '../store/journal-repository.ts';
import type { SqliteReprintQueue } from '../store/reprint-queue-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import { layoutReceipt } from './receipt-layout.ts';

export const REPRINT_MESSAGES = {
  noPrinter: 'no receipt printer is configured',
} as const;

export interface QueuedReceiptView {
  saleId: string;
  receiptNumber: string;
  /** Why it did not print: paper_out, cover_open, disconnected, no_printer, ... */
  reason: string;
  queuedAt: string;
}

export interface ReprintRun {
  printed: string[];
  /** Receipts still owed (the printer failed again, or the run stopped at the first failure). */
  remaining: number;
  error?: string;
}

export interface ReceiptReprintsDeps {
  readonly queue: SqliteReprintQueue;
  readonly journal: SqliteJournal;
  readonly identity: TillIdentity;
  readonly staff: { list(): readonly StaffRecord[] };
  readonly printer: ReceiptPrinter | null;
}

/**
 * The receipts a printer fault left owed to customers (the reprint queue): listed for the
 * cashier, and printed when the paper is back, marked COPY so a reprint never passes for a second
 * original. Oldest first; the run stops at the first failure, which stays queued.
 */
export class ReceiptReprints {
  constructor(private readonly deps: ReceiptReprintsDeps) {}

  list(): QueuedReceiptView[] {
    return this.deps.queue.list().map((q) => ({
      saleId: q.saleId,
      receiptNumber: this.deps.journal.findById(q.saleId)?.receiptNumber ?? '',
      reason: q.reason,
      queuedAt: q.queuedAt,
    }));
  }

  async reprintQueued(): Promise<ReprintRun> {
    const queued = this.deps.queue.list();
    const printer = this.deps.printer;
    if (!printer) return { printed: [], remaining: queued.length, error: REPRINT_MESSAGES.noPrinter };
    const printed: string[] = [];
    for (const [k, entry] of queued.entries()) {
      const sale = this.deps.journal.findById(entry.saleId);
      if (!sale) throw new Error(`queued receipt for sale ${entry.saleId}, which is not in the journal`);
      const cashierName = this.deps.staff.list().find((s) => s.id === sale.staffId)?.name ?? sale.staffId;
      const outcome = await printer.print(layoutReceipt(sale, this.deps.identity, { cashierName, copy: true }));
      if (!outcome.ok) {
        this.deps.queue.enqueue(entry.saleId, outcome.code, entry.queuedAt);
        return { printed, remaining: queued.length - k, error: outcome.message };
      }
      this.deps.queue.markPrinted(entry.saleId);
      printed.push(sale.receiptNumber);
    }
    return { printed, remaining: 0 };
  }
}
