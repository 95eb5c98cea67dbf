import { afterEach, describe, expect, it } from 'vitest';
import { createPtyPair } from '../../lab/pty-pair.ts';
import { openSerial } from '../../serial/serial-endpoint.ts';
import { serveZvtSerial } from '../lab/lab-serial-terminal.ts';
import { LabTerminal } from '../lab/lab-terminal.ts';
import { ZvtSerialTerminal, type ZvtSerialTerminalOptions } from './zvt-serial-terminal.ts';

const KRW = 410;

describe('ZVT terminal over a serial line (socat pty) with the lab terminal', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(options: Partial<ZvtSerialTerminalOptions> = {}) {
    const pty = await createPtyPair();
    cleanups.push(() => pty.close());
    const lab = LabTerminal.detached();
    lab.ecrAckTimeoutMs = 300;
    const devicePort = await openSerial({ path: pty.device, baudRate: 9600 });
    cleanups.push(() => new Promise<void>((r) => (devicePort.isOpen ? devicePort.close(() => r()) : r())));
    const line = serveZvtSerial(lab, devicePort);
    const terminal = new ZvtSerialTerminal({ endpoint: { path: pty.till, baudRate: 9600 }, timeoutMs: 5000, ackTimeoutMs: 1000, lineAckTimeoutMs: 300, retryDelayMs: 50, ...options });
    cleanups.push(() => terminal.close());
    await terminal.open();
    return { lab, line, terminal };
  }

  it('approves a payment over DLE STX frames with line acknowledgements', async () => {
    const { lab, terminal } = await setup();
    expect(terminal.status()).toEqual({ state: 'online' });
    expect(await terminal.authorize({ amount: 15000, currencyNumeric: KRW, reference: 'sale-s1' })).toMatchObject({
      status: 'approved',
      amount: 15000,
      maskedPan: '****1234',
      terminalRef: '52500001/000001',
    });
    expect(lab.transactions()).toMatchObject([{ kind: 'payment', amount: 15000, trace: '000001' }]);
  });

  it('answers a frame with a corrupted CRC with NAK, and takes the repeated frame', async () => {
    const { line, terminal } = await setup();
    line.corruptNextFrame(); // the terminal's ACK to the payment request arrives broken
    expect(await terminal.authorize({ amount: 2000, currencyNumeric: KRW, reference: 'sale-s2' })).toMatchObject({ status: 'approved', amount: 2000 });
    expect(line.stats.repeats).toBe(1);
  });

  it('repeats a frame the terminal refused with NAK', async () => {
    const { lab, line, terminal } = await setup();
    line.refuseNextFrame();
    expect(await terminal.enquireStatus()).toMatchObject({ ok: true, ready: true });
    expect(line.stats.naksSent).toBe(1);
    expect(await terminal.endOfDay()).toMatchObject({ ok: true, total: 0 });
    expect(lab.transactions()).toEqual([]);
  });

  it('gives a frame up after three refusals on the line (PA00P016): the payment fails, nothing was taken, nothing is left unknown', async () => {
    const { lab, line, terminal } = await setup();
    line.refuseNextFrame(3);
    expect(await terminal.authorize({ amount: 3000, currencyNumeric: KRW, reference: 'sale-s3' })).toMatchObject({ status: 'failed', code: 'disconnected' });
    expect(line.stats.naksSent).toBe(3);
    expect(terminal.unresolved()).toBeNull();
    expect(lab.transactions()).toEqual([]);
    // The line is fine again: the next try goes through, and is the only payment.
    expect(await terminal.authorize({ amount: 3000, currencyNumeric: KRW, reference: 'sale-s3' })).toMatchObject({ status: 'approved', amount: 3000 });
    expect(lab.transactions()).toHaveLength(1);
  });

  it('resolves an approval that arrives after the ECR gave up as approved, booked once', async () => {
    const { lab, terminal } = await setup({ timeoutMs: 200, ackTimeoutMs: 200 });
    lab.nextOutcome('late', { lateMs: 700 });
    expect(await terminal.authorize({ amount: 6000, currencyNumeric: KRW, reference: 'sale-s3' })).toMatchObject({ status: 'failed', code: 'timeout' });
    expect(terminal.unresolved()).toMatchObject({ reference: 'sale-s3', amount: 6000 });
    expect(await terminal.authorize({ amount: 6000, currencyNumeric: KRW, reference: 'sale-s3' })).toMatchObject({ status: 'approved', amount: 6000, terminalRef: '52500001/000001' });
    expect(lab.transactions()).toMatchObject([{ kind: 'payment', amount: 6000, outcome: 'late', trace: '000001' }]);
  });

  it('reports the terminal offline when the cable is pulled, without throwing', async () => {
    const pty = await createPtyPair();
    const terminal = new ZvtSerialTerminal({ endpoint: { path: pty.till, baudRate: 9600 }, ackTimeoutMs: 200, lineAckTimeoutMs: 100 });
    cleanups.push(() => terminal.close());
    await pty.close();
    await terminal.open();
    expect(terminal.status()).toMatchObject({ state: 'offline', code: 'disconnected' });
    expect(await terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'x' })).toMatchObject({ status: 'failed', code: 'disconnected' });
  });
});
