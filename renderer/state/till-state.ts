/**
 * What the renderer knows of the till: the host's status, kept current by events and replies.
 * Pure, so the rules (a completed sale is not resurrected by a late event, a new sale dismisses
 * the completion panel) are tested without a DOM.
 */
import type {
  ApiError,
  CompletedSaleView,
  DeviceStatusView,
  SaleView,
  StaffView,
  SyncStatusView,
  TillStatusView,
} from '../../main/api/contract.ts';

/** The one alert the lane shows: the latest problem the cashier has to see. */
export type Notice =
  | { readonly kind: 'scan'; readonly code: string; readonly error: ApiError }
  | { readonly kind: 'payment'; readonly error: ApiError }
  | { readonly kind: 'action'; readonly error: ApiError };

export interface TillState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly loadError: ApiError | null;
  readonly store: TillStatusView['store'] | null;
  readonly staff: StaffView | null;
  readonly sale: SaleView | null;
  /** The sale just finished, shown until the cashier moves on (new sale, next scan). */
  readonly completed: CompletedSaleView | null;
  readonly devices: readonly DeviceStatusView[];
  readonly sync: SyncStatusView | null;
  readonly notice: Notice | null;
}

export type TillAction =
  | { readonly type: 'status'; readonly status: TillStatusView }
  | { readonly type: 'loadFailed'; readonly error: ApiError }
  | { readonly type: 'staff'; readonly staff: StaffView | null }
  | { readonly type: 'sale'; readonly sale: SaleView | null }
  | { readonly type: 'completed'; readonly completed: CompletedSaleView }
  | { readonly type: 'dismissCompleted' }
  | { readonly type: 'devices'; readonly devices: readonly DeviceStatusView[] }
  | { readonly type: 'sync'; readonly sync: SyncStatusView }
  | { readonly type: 'notice'; readonly notice: Notice | null };

export const initialTillState: TillState = {
  phase: 'loading',
  loadError: null,
  store: null,
  staff: null,
  sale: null,
  completed: null,
  devices: [],
  sync: null,
  notice: null,
};

/** A sale view about the sale that just completed is stale: it is no longer open. */
function openSale(sale: SaleView | null, completed: CompletedSaleView | null): SaleView | null {
  return sale && completed && sale.id === completed.saleId ? null : sale;
}

function withSale(state: TillState, sale: SaleView | null): TillState {
  const open = openSale(sale, state.completed);
  const completed = open && state.completed && open.id !== state.completed.saleId ? null : state.completed;
  return { ...state, sale: open, completed };
}

export function tillReducer(state: TillState, action: TillAction): TillState {
  switch (action.type) {
    case 'status': {
      const { store, staff, sale, devices, sync } = action.status;
      const next: TillState = { ...state, phase: 'ready', loadError: null, store, staff, devices, sync };
      return staff ? withSale(next, sale) : { ...next, sale, completed: null, notice: null };
    }
    case 'loadFailed':
      return state.phase === 'ready' ? state : { ...state, phase: 'failed', loadError: action.error };
    case 'staff':
      return action.staff ? { ...state, staff: action.staff } : { ...state, staff: null, completed: null, notice: null };
    case 'sale':
      return withSale(state, action.sale);
    case 'completed':
      return { ...state, completed: action.completed, sale: openSale(state.sale, action.completed) };
    case 'dismissCompleted':
      return { ...state, completed: null };
    case 'devices':
      return { ...state, devices: action.devices };
    case 'sync':
      return { ...state, sync: action.sync };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}
