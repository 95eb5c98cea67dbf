import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { DEMO_PRODUCTS, demoProducts } from '../../fixtures/demo-store/products.ts';
import { toLuminance } from '../../renderer/camera/decode-frame.ts';
import { writeBarcodeVideo } from '../support/barcode-video.ts';
import { centralSales } from '../support/central-query.ts';
import { useKioskSession } from '../support/kiosk-session.ts';
import { won } from '../support/lane-page.ts';
import { waitFor } from '../support/wait-for.ts';
import { NodeTillClient } from '../support/ws-till-client.ts';

const { ramen, water, banana } = DEMO_PRODUCTS;
const crackers = demoProducts.find((p) => p.name['en'] === 'Shrimp Crackers');
if (!crackers) throw new Error('the demo store has no Shrimp Crackers');

// The camera plays real EAN-13 pixels: three items shown one after another, then an empty view
// long enough that the loop does not come round again during the test.
const videoDir = mkdtempSync(path.join(tmpdir(), 'kiosk-camera-'));
const video = path.join(videoDir, 'three-items.y4m');
writeBarcodeVideo(video, [
  { code: null, seconds: 1 },
  { code: ramen.barcode, seconds: 2 },
  { code: null, seconds: 1 },
  { code: water.barcode, seconds: 2 },
  { code: null, seconds: 1 },
  { code: banana.barcode, seconds: 2 },
  { code: null, seconds: 45 },
]);
afterAll(() => rmSync(videoDir, { recursive: true, force: true }));

const session = useKioskSession({
  chromiumArgs: () => ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
});

describe('a first-time customer at the self-checkout kiosk', () => {
  it('in English: three items by camera, one by the scanner, pays by card and opens the digital receipt from the QR code', async () => {
    const { page } = session;
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();
    await page.getByRole('group', { name: '언어 선택' }).getByRole('button', { name: 'English' }).click();
    await page.getByText('Hold each item’s barcode to the scanner').waitFor();

    await page.getByRole('button', { name: /Scan with camera/ }).click();
    await page.getByText('Hold the barcode here').waitFor();
    await waitFor('three items from the camera', async () => ((await session.kiosk.rows().count()) >= 3 ? true : undefined), 30_000);
    await page.getByRole('button', { name: /Turn camera off/ }).click();
    const basket = session.kiosk.basket('Your basket');
    for (const p of [ramen, water, banana]) await expect.poll(() => basket.textContent()).toContain(p.name['en']);
    // Held in view for two seconds, each item rang once.
    expect(await session.kiosk.rows().count()).toBe(3);

    await session.kiosk.ring(crackers.barcode);
    await expect.poll(() => basket.textContent()).toContain('Shrimp Crackers');
    const total = ramen.price + water.price + banana.price + crackers.price;
    await expect.poll(() => page.getByRole('region', { name: 'Total' }).getByLabel('Total').textContent()).toBe(won(total));
    // Every control a customer touches is a big target with a name a screen reader can say.
    for (const b of await page.getByRole('button').all()) {
      const box = await b.boundingBox();
      if (!box || !(await b.isVisible())) continue;
      expect(Math.min(box.width, box.height), (await b.textContent()) ?? '').toBeGreaterThanOrEqual(44);
      expect(((await b.getAttribute('aria-label')) ?? (await b.textContent()) ?? '').trim()).not.toBe('');
    }
    // A screen reader hears each item as it is added.
    expect(await page.getByRole('status').filter({ hasText: 'Shrimp Crackers added' }).count()).toBe(1);
    // High contrast and large text are a switch away, and say they are on (not by colour alone).
    const contrast = page.getByRole('button', { name: /High contrast/ });
    await contrast.click();
    expect(await contrast.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.kiosk.high-contrast').count()).toBe(1);
    await page.getByRole('button', { name: /Large text/ }).click();
    expect(await page.locator('.kiosk.large-text').count()).toBe(1);

    // Membership by the phone number on the keypad; only the masked number stays on screen.
    await page.getByRole('button', { name: /Membership/ }).click();
    const keypad = page.getByRole('dialog', { name: 'Collect points with your phone number' });
    for (const d of '01044441004') await keypad.getByRole('group', { name: 'Mobile number' }).getByRole('button', { name: d, exact: true }).click();
    expect(await keypad.getByLabel('Mobile number').first().textContent()).toBe('010-4444-1004');
    await keypad.getByRole('button', { name: 'Find me' }).click();
    await keypad.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('region', { name: 'Total' }).textContent()).toContain('Member A******m (010-****-1004)');
    expect(await page.getByText('4444').count()).toBe(0);
    // The last four digits alone would list other people's masked names: not at a kiosk.
    const client = await NodeTillClient.connect(session.rig.host.url);
    try {
      expect(await client.invoke('member.lookup', { query: '5678' })).toMatchObject({ ok: false, error: { code: 'full_phone_required' } });
    } finally {
      client.close();
    }

    await page.getByRole('button', { name: /Pay by card/ }).click();
    await page.getByRole('status', { name: 'Thank you! You have paid' }).waitFor();
    const paidText = (await page.getByRole('status', { name: 'Thank you! You have paid' }).textContent()) ?? '';
    const receiptNumber = /receipt ([\d-]+)/.exec(paidText)?.[1] ?? '';
    expect(receiptNumber).toMatch(/^\d{4}-\d{2}-\d+$/);

    await page.getByRole('button', { name: /Digital receipt/ }).click();
    const link = page.getByRole('link', { name: 'Digital receipt address' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`/receipt/${receiptNumber}?sale=`);

    // The QR code on screen says exactly that address: decoded from its pixels.
    const qr = await page.getByRole('img', { name: 'Digital receipt (QR)' }).evaluate(async (svg) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 300;
      canvas.height = 300;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.drawImage(img, 0, 0, 300, 300);
      return Array.from(ctx.getImageData(0, 0, 300, 300).data);
    });
    const luminance = toLuminance(Uint8ClampedArray.from(qr), 300, 300);
    expect(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, 300, 300)))).getText()).toBe(href);

    // The page comes from the central server, once the till has pushed the sale.
    const html = await waitFor('the digital receipt page', async () => {
      const res = await fetch(href);
      return res.status === 200 ? res.text() : undefined;
    });
    expect(html).toContain(receiptNumber);
    for (const name of ['Spicy', 'Shrimp Crackers']) expect(html).toContain(name);
    expect(html).toContain(won(total));
    expect(html).not.toMatch(/\d{12,19}/);
    // A receipt number alone (without the sale id from the QR code) opens nothing.
    expect((await fetch(href.replace(/sale=[^&]+/, 'sale=00000000-0000-0000-0000-000000000000'))).status).toBe(404);

    const [central] = await centralSales(session.rig.central.url, receiptNumber);
    expect(central?.totals.total).toBe(total);
    expect(central?.tenders.map((t) => t.kind)).toEqual(['CARD']);
    expect(central?.lines.map((l) => l.barcode).sort()).toEqual([ramen.barcode, water.barcode, banana.barcode, crackers.barcode].sort());
    // No paper: the customer chose digital.
    expect(session.rig.lab.printer.receipts()).toHaveLength(0);

    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('main', { name: '어서 오세요' }).waitFor();
    expect(await page.getByText('Shrimp Crackers').count()).toBe(0);
  });
});
