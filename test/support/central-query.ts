import { DEMO_ADMIN_TOKEN } from '../../fixtures/demo-store/store.ts';

export interface CentralSale {
  id: string;
  tillId: string;
  receiptNumber: string;
  totals: { total: number; itemCount: number; taxableSupply: number; tax: number; taxFree: number };
  change: number;
  flag: string | null;
  lines: { barcode: string; nameKo: string; quantity: number; unitPrice: number; voided: boolean; discount: number }[];
  tenders: { kind: string; amount: number; card: { scheme: string; maskedPan: string; approvalCode: string } | null }[];
}

/** Asks the central server, over GraphQL as the back office would, for the sales it has received. */
export async function centralSales(url: string, receiptNumber?: string): Promise<CentralSale[]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    body: JSON.stringify({
      query: `query ($r: String) { sales(receiptNumber: $r, first: 100) {
        id tillId receiptNumber change flag
        totals { total itemCount taxableSupply tax taxFree }
        lines { barcode nameKo quantity unitPrice voided discount }
        tenders { kind amount card { scheme maskedPan approvalCode } } } }`,
      variables: { r: receiptNumber ?? null },
    }),
  });
  const body = (await res.json()) as { data?: { sales: CentralSale[] }; errors?: unknown };
  if (!body.data) throw new Error(`central query failed: ${JSON.stringify(body.errors)}`);
  return body.data.sales;
}

export interface GqlReply {
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/** One GraphQL request to the central server with a credential (a till's, or the admin's), answered as data and errors. */
export async function centralGql(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: GqlReply['errors'] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
