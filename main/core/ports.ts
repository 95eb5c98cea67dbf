import type { Product } from './product.ts';

/** What the core needs from the outside world; implemented in store/ and services/. */
export interface Catalog {
  findByBarcode(barcode: string): Product | undefined;
}

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** UUIDv7: time-ordered, made on the till, also an idempotency key. */
  newId(): string;
}

/** Who and where this till is; fixed by configuration, and by the till's credential on the server. */
export interface TillIdentity {
  readonly storeId: string;
  readonly storeCode: string;
  readonly storeName: string;
  readonly tillId: string;
  readonly tillNumber: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly locale: string;
  readonly businessNumber: string;
  readonly address: string;
  readonly phone: string;
  /** 대표자: printed on the receipt with the registration number (absent or empty: not printed). */
  readonly representative?: string | undefined;
}
