import type { TillIdentity } from '../core/ports.ts';
import { type Result, fail, ok } from '../core/result.ts';
import type { SqliteJournal } from '../store/journal-repository.ts';
import type { JournalHit, JournalQuery, SqliteJournalSearch } from '../store/journal-search-repository.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { ReceiptPrinter } from '../../drivers/printer/types.ts';
import type { ApiErrorCode } from '../api/contract.ts';
import { layoutReceipt } from './receipt-layout.ts';
import { renderReceipt } from '../../drivers/printer/protocol/receipt-image.ts';
import { encodePng } from '../../drivers/printer/protocol/png.ts';
import { layoutGiftReceipt } from './journal-gift-receipt.ts';

export const JOURNAL_MESSAGES = {
  saleUnknown: (id: string) => `sale ${id} is not in this till's journal`,
  noPrinter: 'no receipt printer is configured',
} as const;

export interface JournalServiceDeps {
  readonly journal: SqliteJournal;
  readonly search: SqliteJournalSearch;
  readonly identity: TillIdentity;
  readonly staff: { list(): readonly StaffRecord[] };
  readonly printer: ReceiptPrinter | null;
}

/** The electronic journal at the till: find a sale, reprint its receipt as a copy, or print a gift receipt. */
export class JournalService {
  constructor(private readonly deps: JournalServiceDeps) {}

  search(query: JournalQuery): JournalHit[] {
    return this.deps.search.search(query);
  }

  async reprint(saleId: string, gift: boolean): Promise<Result<{ printed: boolean; error?: string }, ApiErrorCode>> {
    const sale = this.deps.journal.findById(saleId);
    if (!sale) return fail('sale_unknown', JOURNAL_MESSAGES.saleUnknown(saleId));
    if (!this.deps.printer) return ok({ printed: false, error: JOURNAL_MESSAGES.noPrinter });
    const cashierName = this.deps.staff.list().find((s) => s.id === sale.staffId)?.name ?? sale.staffId;
    // A reprint is always marked as a copy, so it cannot pass for a second original.
    const doc = gift ? layoutGiftReceipt(sale, this.deps.identity) : layoutReceipt(sale, this.deps.identity, { cashierName, copy: true });
    const outcome = await this.deps.printer.print(doc);
    return ok(outcome.ok ? { printed: true } : { printed: false, error: outcome.message });
  }

  /** The sale's receipt as a PNG (drawn from the same layout and markup as the paper), for the screen and digital receipts. */
  receiptImage(saleId: string): Result<{ png: string; width: number; height: number }, ApiErrorCode> {
    const sale = this.deps.journal.findById(saleId);
    if (!sale) return fail('sale_unknown', JOURNAL_MESSAGES.saleUnknown(saleId));
    const cashierName = this.deps.staff.list().find((s) => s.id === sale.staffId)?.name ?? sale.staffId;
    const { width, height, rgba } = renderReceipt(layoutReceipt(sale, this.deps.identity, { cashierName }));
    return ok({ png: encodePng(width, height, rgba).toString('base64'), width, height });
  }
}
