import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../fixtures/demo-store/products.ts';
import { useLaneSession } from '../support/lane-session.ts';
import { won } from '../support/lane-page.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

// Post-void of finished sales at the lane, on real parts: a card sale is voided with a supervisor's
// PIN (a cashier's own is refused), the lab's ZVT terminal reverses it, the void receipt prints, the
// central server marks the sale voided and refuses nothing twice; a cash sale is voided from the F7
// journal (cash out of the drawer after the commit); the Z report shows both voids apart and the
// expected cash excludes them.

const product = (name: string) => {
  const p = demoProducts.find((x) => x.name['ko'] === name);
  if (!p) throw new Error(`no demo product ${name}`);
  return p;
};
const toner = product('토너 200ml'); // 18,000
const cushion = product('쿠션 팩트'); // 28,000
const float = 100_000;

const session = useLaneSession('1234');
const page = () => session.page;
const dialog = () => page().getByRole('dialog', { name: '판매 취소 (감독자)' });
const shiftScreen = () => page().getByRole('main', { name: '교대 및 시재 관리' });
const figure = (title: string, label: string) => page().getByRole('region', { name: title }).getByLabel(label, { exact: true });
const printedWith = (marker: string): Promise<string> =>
  waitFor(`a printed paper with ${marker}`, () => session.rig.lab.printer.receipts().map((r) => r.lines.join('\n')).findLast((text) => text.includes(marker)));
const centralSale = (receipt: string) => session.rig.central.admin.sales(receipt)[0];

let cardReceipt = '';
let cashReceipt = '';

/** Alt+V, the receipt number, Enter: the post-void dialog as a supervisor uses it. */
async function openPostVoid(receipt: string): Promise<void> {
  await page().keyboard.press('Alt+V');
  await dialog().getByLabel('원거래 영수증 번호').fill(receipt);
  await dialog().getByLabel('원거래 영수증 번호').press('Enter');
  await dialog().getByText(`영수증 ${receipt}`).waitFor();
}

describe('post-void of a finished sale', () => {
  it('opens a shift, then rings a cash sale and a card sale that reach the central server', async () => {
    await page().keyboard.press('F6');
    await shiftScreen().waitFor();
    await page().getByLabel('준비금 (시재)').fill(String(float));
    await page().keyboard.press('Enter');
    await expect.poll(() => shiftScreen().textContent()).toContain(`준비금 ₩${float.toLocaleString('en-US')}`);
    await page().keyboard.press('Escape');
    await session.lane.basket().waitFor();

    await session.lane.ring(toner.barcode);
    await session.lane.payCash(20_000);
    cashReceipt = await session.lane.receiptNumber();
    await session.lane.newSale();

    await session.lane.ring(cushion.barcode);
    await page().keyboard.press('F3');
    cardReceipt = await session.lane.receiptNumber();
    await session.lane.newSale();
    await waitFor('both sales at the centre', () => (centralSale(cashReceipt) && centralSale(cardReceipt) ? true : undefined));
  });

  it('refuses a cashier\'s own PIN, then voids the card sale with a supervisor\'s: the terminal reverses it and a void receipt prints', async () => {
    await openPostVoid(cardReceipt);
    await expect.poll(() => dialog().getByRole('list', { name: '돌려줄 결제' }).textContent()).toContain(`카드`);
    await dialog().getByLabel('감독자 PIN').fill('1234');
    await dialog().getByRole('button', { name: /판매 취소 실행/ }).click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('감독자 또는 관리자의 PIN이 아닙니다');
    // Nothing moved: no reversal on the terminal, the sale is not voided anywhere.
    expect(session.rig.lab.terminal.transactions().filter((t) => t.kind !== 'payment')).toEqual([]);

    await dialog().getByLabel('감독자 PIN').fill('5678');
    await dialog().getByRole('button', { name: /판매 취소 실행/ }).click();
    const done = dialog().getByRole('status', { name: '판매 취소 완료' });
    await expect.poll(() => done.textContent()).toMatch(/취소 0001-01-V000001/);
    expect(await done.getByRole('list', { name: '돌려준 결제' }).textContent()).toContain(won(-cushion.price));
    // It was the terminal's last booking: reversed, not refunded.
    expect(session.rig.lab.terminal.transactions().filter((t) => t.kind !== 'payment')).toMatchObject([{ kind: 'reversal', amount: cushion.price, outcome: 'approve' }]);
    const printed = await printedWith('취소 영수증 / VOID');
    expect(printed).toContain(`원거래`);
    expect(printed).toContain(cardReceipt);
    expect(printed).toMatch(/\(승인 취소\)\s+-28,000/);
    expect(printed).toMatch(/취소 합계\s+-28,000/);
    await done.getByRole('button', { name: /닫기/ }).click();

    const voided = await waitFor('the sale voided at the centre', () => (centralSale(cardReceipt)?.voidedAt ? centralSale(cardReceipt) : undefined));
    expect(voided?.voidNumber).toBe('0001-01-V000001');
  });

  it('refuses a second post-void of the same sale', async () => {
    await openPostVoid(cardReceipt);
    await expect.poll(() => dialog().getByRole('alert').textContent()).toContain('이미 취소된 거래');
    await expect(dialog().getByRole('button', { name: /판매 취소 실행/ }).count()).resolves.toBe(0);
    await page().keyboard.press('Escape');
  });

  it('voids the cash sale from the F7 journal, paying the cash out of the drawer after the commit', async () => {
    const kicksBefore = session.rig.lab.printer.state().drawerKicks;
    await page().keyboard.press('F7');
    const journal = page().getByRole('main', { name: '전자 저널' });
    await journal.getByLabel('영수증 번호').fill(cashReceipt);
    await page().keyboard.press('Enter');
    await journal.getByRole('table', { name: '검색된 거래' }).getByRole('row', { name: new RegExp(cashReceipt) }).waitFor();
    await journal.getByRole('button', { name: /판매 취소/ }).click();
    await dialog().getByText(`영수증 ${cashReceipt}`).waitFor();
    await dialog().getByLabel('감독자 PIN').fill('5678');
    await dialog().getByRole('button', { name: /판매 취소 실행/ }).click();
    const done = dialog().getByRole('status', { name: '판매 취소 완료' });
    await expect.poll(() => done.textContent()).toMatch(/취소 0001-01-V000002/);
    expect(await done.getByRole('list', { name: '돌려준 결제' }).textContent()).toContain(`현금 ${won(-toner.price)}`);
    await waitFor('the drawer opened for the cash', () => (session.rig.lab.printer.state().drawerKicks > kicksBefore ? true : undefined));
    await done.getByRole('button', { name: /닫기/ }).click();
    await page().keyboard.press('Escape');
    await session.lane.basket().waitFor();
    await waitFor('the cash sale voided at the centre', () => (centralSale(cashReceipt)?.voidedAt ? true : undefined));
  });

  it('shows both voids apart in the Z report, with the expected cash excluding them', async () => {
    await page().keyboard.press('F6');
    await shiftScreen().waitFor();
    await page().keyboard.press('F2');
    // Both sales were voided: the drawer should hold the float and nothing else.
    await expect.poll(() => figure('X 리포트', '판매 취소 (건수 · 금액)').textContent()).toBe(`2 · ${won(-(toner.price + cushion.price))}`);
    expect(await figure('X 리포트', '현금 취소').textContent()).toBe(won(-toner.price));
    expect(await figure('X 리포트', '현금 시재 (예상)').textContent()).toBe(won(float));

    await page().keyboard.press('F3');
    await page().getByLabel('₩50,000권').fill('2');
    await page().getByRole('button', { name: /마감 확정/ }).click();
    await expect.poll(() => figure('교대 마감 리포트', '현금 시재 (실사)').textContent()).toBe(won(float));
    // The shift close rides the outbox too: once it is pushed the Z report needs no supervisor for unsynced records.
    const client = await NodeTillClient.connect(session.rig.host.url);
    try {
      await waitFor('the outbox pushed', async () => ((await client.call('till.status', {})).sync.queued === 0 ? true : undefined));
    } finally {
      client.close();
    }
    await page().keyboard.press('F4');
    await expect.poll(() => figure('Z 리포트', 'Z 번호').textContent()).toBe('1');
    expect(await figure('Z 리포트', '판매 취소 (건수 · 금액)').textContent()).toBe(`2 · ${won(-(toner.price + cushion.price))}`);
    expect(await figure('Z 리포트', '현금 시재 (예상)').textContent()).toBe(won(float));
    const z = await printedWith('[Z 리포트]');
    expect(z).toMatch(/판매 취소 \(2\)\s+-46,000/);
    expect(z).toMatch(/현금 취소\s+-18,000/);
    expect(z).toMatch(/현금 시재 \(예상\)\s+100,000/);
  });
});
