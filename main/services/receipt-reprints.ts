import type { TillIdentity } from '../core/ports.ts';
import type { SqliteJournal } from '../store/journal-repository.ts';
import type { ReprintKind, SqliteReprintQueue } from '../store/reprint-queue-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import { layoutReceipt } from './receipt-layout.ts';

export const REPRINT_MESSAGES = {
  noPrinter: 'no receipt printer is configured',
} as const;

export interface QueuedReceiptView {
  /** A sale's receipt, or a return's (its number is the return number, 0001-01-R000001). */
  kind: ReprintKind;
  /** The sale's id, or the return's. */
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
  /** Return receipts in the queue: their number, and their copy printed (the return service lays them out). */
  readonly returns?: {
    receiptNumberOf(returnId: string): string | undefined;
    printQueued(returnId: string): Promise<{ printed: boolean; code?: string; error?: string } | null>;
  };
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
      kind: q.kind,
      saleId: q.saleId,
      receiptNumber: (q.kind === 'sale' ? this.deps.journal.findById(q.saleId)?.receiptNumber : this.deps.returns?.receiptNumberOf(q.saleId)) ?? '',
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
      const outcome = entry.kind === 'sale' ? await this.printSale(printer, entry.saleId) : await this.printReturn(entry.saleId);
      if (!outcome.ok) {
        this.deps.queue.enqueue(entry.saleId, outcome.code, entry.queuedAt, entry.kind);
        return { printed, remaining: queued.length - k, error: outcome.message };
      }
      this.deps.queue.markPrinted(entry.saleId, undefined, entry.kind);
      printed.push(outcome.receiptNumber);
    }
    return { printed, remaining: 0 };
  }

  private async printSale(printer: ReceiptPrinter, saleId: string): Promise<Printed> {
    const sale = this.deps.journal.findById(saleId);
    if (!sale) throw new Error(`queued receipt for sale ${saleId}, which is not in the journal`);
    const cashierName = this.deps.staff.list().find((s) => s.id === sale.staffId)?.name ?? sale.staffId;
    const outcome = await printer.print(layoutReceipt(sale, this.deps.identity, { cashierName, copy: true }));
    return outcome.ok ? { ok: true, receiptNumber: sale.receiptNumber } : outcome;
  }

  private async printReturn(returnId: string): Promise<Printed> {
    const returns = this.deps.returns;
    const done = await returns?.printQueued(returnId);
    if (!returns || !done) throw new Error(`queued receipt for return ${returnId}, which is not in the journal`);
    if (!done.printed) return { ok: false, code: done.code ?? 'disconnected', message: done.error ?? '' };
    return { ok: true, receiptNumber: returns.receiptNumberOf(returnId) ?? '' };
  }
}

type Printed = { ok: true; receiptNumber: string } | { ok: false; code: string; message: string };
