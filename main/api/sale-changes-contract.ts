/**
 * Post-void and training mode's part of the contract (spread into contract.ts), kept apart so the
 * shared table changes by a line.
 */
import { z } from 'zod';

const minor = z.number().int();
const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
const receiptNumber = z.string().trim().min(1).max(40);
const tenderLine = z.object({ kind: z.string(), amount: minor, detail: z.string().optional() });

/** A finished sale of this till as the post-void dialog shows it, with why it cannot be voided (or null). */
export const postVoidSaleView = z.object({
  saleId: z.string(),
  receiptNumber: z.string(),
  completedAt: z.string(),
  total: minor,
  currency: z.string(),
  tenders: z.array(tenderLine),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const postVoidDoneView = z.object({
  voidId: z.string(),
  voidNumber: z.string(),
  receiptNumber: z.string(),
  total: minor,
  currency: z.string(),
  tenders: z.array(tenderLine),
  receipt: z.object({ printed: z.boolean(), error: z.string().optional() }),
});

/** Training mode on the lane: who switched it on, for whom (nothing counts while it is on). */
export const trainingView = z.object({ on: z.boolean(), staffId: z.string().nullable(), approvedBy: z.string().nullable() });

export const saleChangesMethods = {
  /** A finished sale of this till by its receipt number: what a post-void would give back. */
  'postVoid.find': { input: z.object({ receiptNumber }).strict(), output: postVoidSaleView },
  /** Post-voids it: a supervisor's or manager's PIN is required (a cashier's own is refused). */
  'postVoid.commit': { input: z.object({ receiptNumber, supervisorPin: pin.optional() }).strict(), output: postVoidDoneView },
  'training.status': { input: z.object({}).strict(), output: trainingView },
  /** Turns training mode on or off for the signed-in cashier: a supervisor's or manager's PIN either way. */
  'training.set': { input: z.object({ on: z.boolean(), supervisorPin: pin.optional() }).strict(), output: trainingView },
} as const;

export const saleChangesEvents = {
  training: trainingView,
} as const;

export type PostVoidSaleView = z.output<typeof postVoidSaleView>;
export type PostVoidDoneView = z.output<typeof postVoidDoneView>;
export type TrainingView = z.output<typeof trainingView>;
