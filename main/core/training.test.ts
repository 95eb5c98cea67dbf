import { describe, expect, it } from 'vitest';
import { TRAINING_MESSAGES, isTrainingReceipt, switchTraining, trainingReceiptNumberOf } from './training.ts';

const at = '2026-12-04T03:00:00.000Z';

describe('training mode', () => {
  it('is switched on for the signed-in cashier by a supervisor or a manager', () => {
    expect(switchTraining({ on: true, cashierId: 'c1', approver: { id: 's1', role: 'supervisor' }, saleOpen: false, at })).toEqual({ ok: true, value: { staffId: 'c1', approvedBy: 's1', since: at } });
    expect(switchTraining({ on: true, cashierId: 'c1', approver: { id: 'm1', role: 'manager' }, saleOpen: false, at })).toMatchObject({ ok: true });
    expect(switchTraining({ on: false, cashierId: 'c1', approver: { id: 's1', role: 'supervisor' }, saleOpen: false, at })).toEqual({ ok: true, value: null });
  });

  it('refuses a cashier\'s approval, nobody signed in, and a sale in progress (a sale is all real or all training)', () => {
    expect(switchTraining({ on: true, cashierId: 'c1', approver: { id: 'c1', role: 'cashier' }, saleOpen: false, at })).toEqual({ ok: false, code: 'approval_refused', message: TRAINING_MESSAGES.approver });
    expect(switchTraining({ on: true, cashierId: null, approver: { id: 's1', role: 'supervisor' }, saleOpen: false, at })).toMatchObject({ ok: false, code: 'not_signed_in' });
    expect(switchTraining({ on: true, cashierId: 'c1', approver: { id: 's1', role: 'supervisor' }, saleOpen: true, at })).toMatchObject({ ok: false, code: 'sale_open' });
  });

  it('numbers training receipts in a series of their own', () => {
    expect(trainingReceiptNumberOf('0001', '01', 1)).toBe('T0001-01-000001');
    expect(isTrainingReceipt('T0001-01-000001')).toBe(true);
    expect(isTrainingReceipt('0001-01-000001')).toBe(false);
  });
});
