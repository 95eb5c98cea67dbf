import { createServer } from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type Central, startCentral } from '../../fixtures/central/server.ts';
import { demoProducts, DEMO_PRODUCTS } from '../../fixtures/demo-store/products.ts';
import { DEMO_ADMIN_TOKEN, demoTills } from '../../fixtures/demo-store/store.ts';
import { launchChromium } from '../support/browser.ts';
import { lanePage, won } from '../support/lane-page.ts';
import { startTillRig, type TillRig } from '../support/till-rig.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';
import { waitFor } from '../support/wait-for.ts';

// A member at the lane, on real parts: found by the last four digits of their phone (two members
// share them, told apart by masked name), earning points, paying with points through the centre's
// claim, getting their personal coupon; offline, points over the store's cap are refused and the sale
// stays open; after reconnecting the central ledger has every point once.

const { ramen } = DEMO_PRODUCTS;
const product = (name: string) => {
  const p = demoProducts.find((x) => x.name['ko'] === name);
  if (!p) throw new Error(`no demo product ${name}`);
  return p;
};
const cushion = product('쿠션 팩트'); // 28,000
const toner = product('토너 200ml'); // 18,000
const otherTillToken = demoTills[1]?.token ?? '';

let rig: TillRig;
let browser: Browser;
let page: Page;
let lane: ReturnType<typeof lanePage>;
let centralPort: number;
let restarted: Central | null = null;
let firstReceipt = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function admin<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`central query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface Ledger { points: number; ledger: { kind: string; points: number; saleId: string | null; claimId: string | null }[] }
const memberAtCentre = async (url: string, id: string): Promise<Ledger> =>
  (await admin<{ member: Ledger }>(url, 'query ($id: ID!) { member(id: $id) { points ledger { kind points saleId claimId } } }', { id })).member;

/** What the till's host says about a member (its own copy, from the member stream). */
async function tillBalance(query: string, id: string): Promise<number | undefined> {
  const client = await NodeTillClient.connect(rig.host.url);
  try {
    return (await client.call('member.lookup', { query })).find((m) => m.id === id)?.pointsBalance;
  } finally {
    client.close();
  }
}

/** The balance version the till holds for a member (its catalog.db, read-only). */
function tillVersion(id: string): number | undefined {
  const db = new BetterSqlite3(path.join(rig.dataDir, 'catalog.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT balance_version FROM member WHERE id = ?').pluck().get(id) as number | undefined;
  } finally {
    db.close();
  }
}

/** A coupon the till holds (its catalog.db, read-only). */
function tillCoupon(id: string): boolean {
  const db = new BetterSqlite3(path.join(rig.dataDir, 'catalog.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM member_coupon WHERE id = ? AND used = 0').get(id) !== undefined;
  } finally {
    db.close();
  }
}

async function syncStatus() {
  const client = await NodeTillClient.connect(rig.host.url);
  try {
    return (await client.call('till.status', {})).sync;
  } finally {
    client.close();
  }
}

const dialog = (name: string) => page.getByRole('dialog', { name });
const memberStrip = () => page.getByRole('region', { name: '회원' });
const total = () => lane.summary().getByLabel('합계').textContent();

beforeAll(async () => {
  centralPort = await freePort();
  rig = await startTillRig({ centralPort });
  await rig.ready();
  browser = await launchChromium();
  page = await browser.newPage();
  lane = lanePage(page, rig);
  await page.goto(rig.host.url);
  await lane.signIn('1234');
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
  await restarted?.close();
});

/** Alt+M, the query, Enter: the member dialog as a cashier uses it. */
async function findMember(query: string): Promise<void> {
  await page.keyboard.press('Alt+M');
  const d = dialog('회원 조회');
  await d.getByLabel('전화번호, 뒤 4자리 또는 회원 QR').fill(query);
  await d.getByLabel('전화번호, 뒤 4자리 또는 회원 QR').press('Enter');
}

describe('a member at the lane', () => {
  it('is found by the last four digits among two members, told apart by masked name, and earns points on a cash sale', async () => {
    await lane.ring(ramen.barcode);
    await lane.ring(ramen.barcode);
    await findMember('5678');
    const matches = dialog('회원 조회').getByRole('list', { name: '찾은 회원' }).getByRole('button');
    await expect.poll(() => matches.allTextContents()).toEqual(['김*지 010-****-5678 · GOLD · 12,000P', '박*수 010-****-5678 · BASIC · 800P']);
    await matches.filter({ hasText: '김*지' }).click();
    await dialog('회원 조회').waitFor({ state: 'detached' });
    await expect.poll(() => memberStrip().textContent()).toContain('김*지 010-****-5678 · GOLD');
    // The till never shows more of the customer than that.
    const html = await page.content();
    expect(/.{0,80}(김은지|1234-5678).{0,80}/.exec(html)?.[0] ?? null).toBeNull();

    await lane.payCash();
    const receipt = await lane.receiptNumber();
    // GOLD earns 1% x2 of what was paid: 2,200 -> 44 points.
    await expect.poll(() => lane.done().textContent()).toContain('44P');
    const centre = await waitFor('the sale in the central ledger', async () => {
      const m = await memberAtCentre(rig.central.url, 'mem-demo-0001');
      return m.ledger.some((l) => l.kind === 'earn') ? m : undefined;
    });
    expect(centre.points).toBe(12_044);
    expect(centre.ledger.filter((l) => l.kind === 'earn')).toEqual([expect.objectContaining({ points: 44 })]);
    expect(receipt).toMatch(/^0001-01-/);
    firstReceipt = receipt;
  });

  it('gets their personal coupon and pays part of the next sale with points, claimed at the centre', async () => {
    await lane.newSale();
    // The till learns the new balance and its version from the member stream before the member is
    // identified again (a claim at an older version would be refused as a conflict, rightly).
    const { balanceVersion } = (await admin<{ member: { balanceVersion: number } }>(rig.central.url, 'query { member(id: "mem-demo-0001") { balanceVersion } }')).member;
    await waitFor('the new balance version on the till', () => (tillVersion('mem-demo-0001') === balanceVersion ? true : undefined));
    expect(await tillBalance('01012345678', 'mem-demo-0001')).toBe(12_044);
    await lane.ring(cushion.barcode);
    await findMember('010-1234-5678'); // a full number identifies at once
    await dialog('회원 조회').waitFor({ state: 'detached' });
    // 3,000 off a basket of 20,000 or more: her coupon, shown as a saving.
    await expect.poll(() => memberStrip().getByRole('list', { name: '개인 쿠폰' }).textContent()).toContain('적용됨');
    await expect.poll(total).toBe(won(cushion.price - 3_000));
    // Online, the cashier sees what she bought last time and what she buys again.
    await memberStrip().getByRole('button', { name: '회원 이력·추천' }).click();
    await expect.poll(() => memberStrip().getByRole('list', { name: '최근 구매' }).textContent()).toContain(firstReceipt);
    await expect.poll(() => memberStrip().getByRole('list', { name: '추천 상품' }).textContent()).toContain(ramen.name['ko'] ?? '');

    await page.keyboard.press('Alt+U');
    const points = dialog('포인트 사용');
    await points.getByLabel('사용할 포인트').fill('1000');
    await points.getByLabel('사용할 포인트').press('Enter');
    await points.waitFor({ state: 'detached' });
    await lane.payCash();
    await lane.receiptNumber();

    // 25,000 paid, 1,000 of it with points: 24,000 x 2% = 480 earned; 12,044 - 1,000 + 480.
    const centre = await waitFor('the second sale in the central ledger', async () => {
      const m = await memberAtCentre(rig.central.url, 'mem-demo-0001');
      return m.ledger.filter((l) => l.kind === 'earn').length === 2 ? m : undefined;
    });
    expect(centre.points).toBe(11_524);
    const redeem = centre.ledger.filter((l) => l.kind === 'redeem');
    expect(redeem).toEqual([expect.objectContaining({ points: -1_000 })]);
    expect(redeem[0]?.claimId).not.toBeNull();
    const printed = await waitFor('the receipt', () => rig.lab.printer.receipts().at(-1)?.lines.join('\n'));
    expect(printed).toMatch(/포인트 사용/);
    expect(printed).toMatch(/잔여 포인트\s+11,524/);
    expect(printed).toMatch(/김\*지 010-\*\*\*\*-5678/);
    // The coupon is used: the next sale of hers does not get it again.
    await lane.newSale();
    await lane.ring(cushion.barcode);
    await findMember('010-1234-5678');
    await expect.poll(() => memberStrip().textContent()).toContain('김*지');
    await expect.poll(total).toBe(won(cushion.price));
    await page.keyboard.press('Alt+X');
    await page.getByRole('alertdialog', { name: '거래 취소' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe(won(0));
  });

  it('takes a coupon off at payment when another till already used it, and shows the new total', async () => {
    await admin(rig.central.url, 'mutation ($i: IssueCouponInput!) { issueCoupon(input: $i) }', {
      i: { id: 'cpn-e2e-once', memberId: 'mem-demo-0002', nameKo: '500원 쿠폰', rule: JSON.stringify({ kind: 'basket_threshold', minTotal: 1000, amountOff: 500 }) },
    });
    await waitFor('the coupon on the till', () => (tillCoupon('cpn-e2e-once') ? true : undefined));
    await lane.ring(ramen.barcode);
    await findMember('5678');
    await dialog('회원 조회').getByRole('list', { name: '찾은 회원' }).getByRole('button').filter({ hasText: '박*수' }).click();
    await expect.poll(total).toBe(won(ramen.price - 500));
    // Meanwhile the member used it at another till (the centre has it claimed for that sale).
    const claimed = await fetch(rig.central.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${otherTillToken}` },
      body: JSON.stringify({ query: 'mutation ($i: CouponClaimInput!) { claimCoupons(input: $i) { claimed } }', variables: { i: { memberId: 'mem-demo-0002', saleId: 'elsewhere', couponIds: ['cpn-e2e-once'] } } }),
    });
    expect(await claimed.json()).toEqual({ data: { claimCoupons: { claimed: ['cpn-e2e-once'] } } });
    await lane.payCash();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('다른 거래에서 이미 사용'));
    await expect.poll(total).toBe(won(ramen.price));
    await lane.payCash();
    await lane.receiptNumber();
    await lane.newSale();
  });

  it('enrols a customer at the counter with the terms and, apart, marketing, and sends their deletion request to the centre', async () => {
    await lane.ring(ramen.barcode);
    await page.keyboard.press('Alt+M');
    const d = dialog('회원 조회');
    await d.getByRole('button', { name: '신규 회원 가입' }).click();
    const form = d.getByRole('form', { name: '회원 가입' });
    await form.getByLabel('휴대폰 번호').fill('010-3141-5926');
    await form.getByLabel('이름').fill('홍길동');
    await form.getByRole('button', { name: '가입' }).click();
    // Nothing is ticked for the customer: without the terms there is no member, and nothing was queued.
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('이용약관에 동의해야');
    await form.getByLabel('이용약관에 동의합니다 (필수)').check();
    await form.getByRole('button', { name: '가입' }).click();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => memberStrip().textContent()).toContain('홍*동 010-****-5926 · BASIC');
    await lane.payCash();
    await lane.receiptNumber();

    const client = await NodeTillClient.connect(rig.host.url);
    const [hit] = await client.call('member.lookup', { query: '01031415926' });
    client.close();
    if (!hit) throw new Error('the enrolled member is not on the till');
    const centre = await waitFor('the member and their sale at the centre', async () => {
      const m = await admin<{ member: { name: string; consents: { kind: string; granted: boolean; textVersion: string }[]; ledger: { kind: string; points: number }[] } | null }>(
        rig.central.url, 'query ($id: ID!) { member(id: $id) { name consents { kind granted textVersion } ledger { kind points } } }', { id: hit.id });
      return m.member && m.member.ledger.length > 0 ? m.member : undefined;
    });
    expect(centre.name).toBe('홍길동');
    expect(centre.consents.map((c) => [c.kind, c.granted, c.textVersion])).toEqual([['marketing', false, 'marketing-2026-01'], ['terms', true, 'terms-2026-01']]);
    expect(centre.ledger).toEqual([{ kind: 'earn', points: 11 }]); // BASIC: 1% of 1,100

    await lane.newSale();
    await findMember('010-3141-5926');
    await dialog('회원 조회').waitFor({ state: 'detached' });
    const request = memberStrip().getByRole('group', { name: '개인정보 요청' });
    await request.getByRole('button', { name: '내 정보 삭제 요청' }).click();
    await request.getByRole('button', { name: '삭제 요청 확인' }).click();
    await expect.poll(() => request.getByRole('status').textContent()).toContain('삭제 요청을 본사로 보냈습니다');
    await waitFor('the member erased at the centre', async () => {
      const m = await admin<{ member: { name: string; phoneLastFour: string; deleted: boolean } | null }>(rig.central.url, 'query ($id: ID!) { member(id: $id) { name phoneLastFour deleted } }', { id: hit.id });
      return m.member?.deleted ? m.member : undefined;
    }).then((m) => expect(m).toEqual({ name: '', phoneLastFour: '', deleted: true }));
    await findMember('010-3141-5926');
    await expect.poll(() => dialog('회원 조회').getByRole('status').textContent()).toContain('찾는 회원이 없습니다');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+X');
    await page.getByRole('alertdialog', { name: '거래 취소' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe(won(0));
  });

  it('offline, refuses points over the store\'s cap and keeps the sale open; after reconnecting the centre\'s ledger has them once', async () => {
    await admin(rig.central.url, 'mutation { setConfig(storeId: "store-gangnam", key: "offline.pointsRedeemCap", value: "2000") }');
    const asked = new Date().toISOString();
    await waitFor('the cap pulled', async () => ((await syncStatus()).lastPullAt ?? '') > asked || undefined);
    await rig.central.close();
    await waitFor('the till offline', async () => ((await syncStatus()).online ? undefined : true));

    await lane.ring(toner.barcode);
    await findMember('010-2222-3333');
    await dialog('회원 조회').waitFor({ state: 'detached' });
    await expect.poll(() => memberStrip().textContent()).toContain('이*연');
    // The history lives at the centre: offline the till says so rather than showing nothing.
    await memberStrip().getByRole('button', { name: '회원 이력·추천' }).click();
    await expect.poll(() => memberStrip().getByRole('alert').textContent()).toContain('본사에 연결할 수 없습니다');
    await page.keyboard.press('Alt+U');
    const points = dialog('포인트 사용');
    await points.getByLabel('사용할 포인트').fill('3000');
    await points.getByLabel('사용할 포인트').press('Enter');
    await expect.poll(() => points.getByRole('alert').textContent()).toContain('오프라인 사용 한도');
    await expect.poll(() => points.getByRole('alert').textContent()).toContain('at most 2000 points');
    // Nothing was taken: the sale is open with all of it still due.
    await expect.poll(total).toBe(won(toner.price));
    expect(await page.getByRole('button', { name: /현금/ }).first().isEnabled()).toBe(true);

    await points.getByLabel('사용할 포인트').fill('1500');
    await points.getByLabel('사용할 포인트').press('Enter');
    await points.waitFor({ state: 'detached' });
    await lane.payCash();
    await lane.receiptNumber();

    restarted = await startCentral({ dbPath: path.join(rig.dataDir, 'central.db'), port: centralPort });
    const url = restarted.url;
    // SILVER earns 1% x1.5 of 16,500 paid in cash = 247; 3,500 - 1,500 + 247.
    const centre = await waitFor('the offline sale in the central ledger', async () => {
      const m = await memberAtCentre(url, 'mem-demo-0003');
      return m.ledger.some((l) => l.kind === 'earn') ? m : undefined;
    }, 60_000);
    expect(centre.ledger.filter((l) => l.kind !== 'adjust').map((l) => [l.kind, l.points])).toEqual([['redeem', -1_500], ['earn', 247]]);
    expect(centre.points).toBe(2_247);
    await waitFor('the till online again', async () => ((await syncStatus()).online ? true : undefined));
    // The till takes the centre's balance and version from the member stream: the same figure, now the centre's.
    const { balanceVersion } = (await admin<{ member: { balanceVersion: number } }>(url, 'query { member(id: "mem-demo-0003") { balanceVersion } }')).member;
    await waitFor('the centre\'s balance version on the till', () => (tillVersion('mem-demo-0003') === balanceVersion ? true : undefined), 30_000);
    expect(await tillBalance('01022223333', 'mem-demo-0003')).toBe(2_247);
  });
});
