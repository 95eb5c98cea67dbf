import { type Result, fail, ok } from '../result.ts';
import type { LocalizedText } from '../product.ts';
import type { StoreOrder } from './store-order.ts';

/** Picking an order with the scanner: each scan checked against the order's lines. Pure. */

export interface PickedSubstitute {
  readonly barcode: string;
  readonly productId: string;
  readonly name: LocalizedText;
  readonly quantity: number;
}

export interface PickLine {
  readonly lineId: string;
  readonly picked: number;
  readonly substitute: PickedSubstitute | null;
}

export type PickProgress = readonly PickLine[];

export type PickErrorCode = 'not_in_order' | 'line_complete' | 'line_unknown' | 'substitute_same' | 'substitute_other';

export const PICK_MESSAGES = {
  notInOrder: (barcode: string) => `${barcode} is not in this order: put it back`,
  lineComplete: (barcode: string) => `every ${barcode} of this order is already picked`,
  lineUnknown: (lineId: string) => `this order has no line ${lineId}`,
  substituteSame: 'a substitute is another product than the one ordered: scan the ordered one to pick it',
  substituteOther: 'this line already has another substitute',
} as const;

export function startPicking(order: StoreOrder): PickProgress {
  return order.lines.map((l) => ({ lineId: l.lineId, picked: 0, substitute: null }));
}

const remaining = (order: StoreOrder, line: PickLine): number => {
  const ordered = order.lines.find((l) => l.lineId === line.lineId)?.quantity ?? 0;
  return ordered - line.picked - (line.substitute?.quantity ?? 0);
};

/** A scanned barcode counts one unit on the first line of that product still short; anything else is refused. */
export function pickScan(order: StoreOrder, progress: PickProgress, barcode: string): Result<{ progress: PickProgress; lineId: string }, PickErrorCode> {
  const lines = order.lines.filter((l) => l.barcode === barcode);
  if (lines.length === 0) return fail('not_in_order', PICK_MESSAGES.notInOrder(barcode));
  const target = progress.find((p) => lines.some((l) => l.lineId === p.lineId) && remaining(order, p) > 0);
  if (!target) return fail('line_complete', PICK_MESSAGES.lineComplete(barcode));
  return ok({ progress: progress.map((p) => (p === target ? { ...p, picked: p.picked + 1 } : p)), lineId: target.lineId });
}

/** One unit of another product picked for a line that is short (the shelf was empty). */
export function pickSubstitute(
  order: StoreOrder,
  progress: PickProgress,
  lineId: string,
  product: { readonly barcode: string; readonly productId: string; readonly name: LocalizedText },
): Result<PickProgress, PickErrorCode> {
  const line = progress.find((p) => p.lineId === lineId);
  const ordered = order.lines.find((l) => l.lineId === lineId);
  if (!line || !ordered) return fail('line_unknown', PICK_MESSAGES.lineUnknown(lineId));
  if (product.barcode === ordered.barcode) return fail('substitute_same', PICK_MESSAGES.substituteSame);
  if (line.substitute && line.substitute.barcode !== product.barcode) return fail('substitute_other', PICK_MESSAGES.substituteOther);
  if (remaining(order, line) <= 0) return fail('line_complete', PICK_MESSAGES.lineComplete(ordered.barcode));
  const substitute = { ...product, quantity: (line.substitute?.quantity ?? 0) + 1 };
  return ok(progress.map((p) => (p === line ? { ...p, substitute } : p)));
}

/** Takes back the last unit picked of a line (a wrong count), its substitute first. */
export function unpick(progress: PickProgress, lineId: string): PickProgress {
  return progress.map((p) => {
    if (p.lineId !== lineId) return p;
    if (p.substitute) return { ...p, substitute: p.substitute.quantity > 1 ? { ...p.substitute, quantity: p.substitute.quantity - 1 } : null };
    return { ...p, picked: Math.max(0, p.picked - 1) };
  });
}

export interface PickSummaryLine {
  readonly lineId: string;
  readonly pickedQuantity: number;
  readonly substituteBarcode: string | null;
  readonly substituteQuantity: number | null;
  /** Ordered and neither picked nor substituted: refunded to the online payment by the centre. */
  readonly short: number;
}

export function pickSummary(order: StoreOrder, progress: PickProgress): PickSummaryLine[] {
  return progress.map((p) => ({
    lineId: p.lineId,
    pickedQuantity: p.picked,
    substituteBarcode: p.substitute?.barcode ?? null,
    substituteQuantity: p.substitute?.quantity ?? null,
    short: Math.max(0, remaining(order, p)),
  }));
}

/** Nothing at all was found: such an order is not "ready", it is cancelled by the web shop. */
export function nothingPicked(progress: PickProgress): boolean {
  return progress.every((p) => p.picked === 0 && !p.substitute);
}

export const STAGING_LOCATION = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u;
