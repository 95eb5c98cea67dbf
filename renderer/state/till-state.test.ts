import { describe, expect, it } from 'vitest';
import type { CompletedSaleView, SaleView } from '../../main/api/contract.ts';
import { initialTillState, tillReducer, type TillState } from './till-state.ts';

const sale = (id: string, due = 1500): SaleView => ({
  id,
  currency: 'KRW',
  lines: [],
  totals: { total: 1500, itemCount: 1, taxableSupply: 1364, tax: 136, taxFree: 0, discount: 0 },
  savings: [],
  ageCheckPending: false,
  payment: { paid: 1500 - due, due, change: 0 },
  tenders: [],
});

const completed = (saleId: string): CompletedSaleView => ({
  saleId,
  receiptNumber: 'S01-01-000001',
  total: 1500,
  change: 500,
  tenders: [{ kind: 'cash', amount: 2000 }],
  receipt: { printed: true },
});

const signedIn: TillState = { ...initialTillState, phase: 'ready', staff: { id: 's1', name: '김민지', role: 'cashier' } };

describe('till state', () => {
  it('closes the sale when it completes, and a late event about that sale does not reopen it', () => {
    let state = tillReducer(signedIn, { type: 'sale', sale: sale('a') });
    state = tillReducer(state, { type: 'completed', completed: completed('a') });
    expect(state.sale).toBeNull();
    state = tillReducer(state, { type: 'sale', sale: sale('a', 0) });
    expect(state.sale).toBeNull();
    expect(state.completed?.saleId).toBe('a');
  });

  it('dismisses the completion panel when the next sale starts', () => {
    let state = tillReducer(signedIn, { type: 'completed', completed: completed('a') });
    state = tillReducer(state, { type: 'sale', sale: sale('b') });
    expect(state.completed).toBeNull();
    expect(state.sale?.id).toBe('b');
  });

  it('forgets the sale panel state on sign-out', () => {
    let state = tillReducer(signedIn, { type: 'completed', completed: completed('a') });
    state = tillReducer(state, { type: 'notice', notice: { kind: 'action', error: { code: 'internal', message: 'x' } } });
    state = tillReducer(state, { type: 'staff', staff: null });
    expect(state).toMatchObject({ staff: null, completed: null, notice: null });
  });

  it('keeps a loaded till ready when a later reload fails', () => {
    const state = tillReducer(signedIn, { type: 'loadFailed', error: { code: 'disconnected', message: 'x' } });
    expect(state.phase).toBe('ready');
  });
});
