import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LabTerminal } from '../lab/lab-terminal.ts';
import { PAYMENT_MESSAGES, ZvtTcpTerminal } from './zvt-tcp-terminal.ts';

const KRW = 410;

describe('ZVT terminal over TCP with the lab terminal', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(timeoutMs = 5000) {
    const lab = await LabTerminal.start();
    cleanups.push(() => lab.close());
    const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, timeoutMs, ackTimeoutMs: 1000 });
    cleanups.push(() => terminal.close());
    await terminal.open();
    return { lab, terminal };
  }

  it('approves a KRW payment and shows the app only a masked card number', async () => {
    const { lab, terminal } = await setup();
    expect(terminal.status()).toEqual({ state: 'online' });
    const outcome = await terminal.authorize({ amount: 22800, currencyNumeric: KRW, reference: 'sale-1' });
    expect(outcome).toEqual({
      status: 'approved',
      amount: 22800,
      scheme: 'VISA',
      maskedPan: '****1234',
      approvalCode: expect.stringMatching(/^\d{8}$/),
      terminalRef: '52500001/000001',
      receiptNo: '0001',
    });
    expect(lab.transactions()).toMatchObject([{ amount: 22800, currencyNumeric: KRW, outcome: 'approve', trace: '000001' }]);
  });

  it('numbers the transactions with an increasing trace', async () => {
    const { terminal } = await setup();
    const first = await terminal.authorize({ amount: 1000, currencyNumeric: KRW, reference: 'a' });
    const second = await terminal.authorize({ amount: 2000, currencyNumeric: KRW, reference: 'b' });
    expect(first).toMatchObject({ status: 'approved', terminalRef: '52500001/000001' });
    expect(second).toMatchObject({ status: 'approved', amount: 2000, terminalRef: '52500001/000002' });
  });

  it('reports a decline with the terminal result code, then approves the next one again', async () => {
    const { lab, terminal } = await setup();
    lab.nextOutcome('decline');
    expect(await terminal.authorize({ amount: 5000, currencyNumeric: KRW, reference: 'x' })).toEqual({
      status: 'declined',
      code: 'declined',
      message: PAYMENT_MESSAGES.declined,
      resultCode: 0x05,
    });
    expect(await terminal.authorize({ amount: 5000, currencyNumeric: KRW, reference: 'y' })).toMatchObject({ status: 'approved' });
    expect(lab.transactions().map((t) => t.outcome)).toEqual(['decline', 'approve']);
  });

  it('fails with timeout (outcome unknown) when the terminal acknowledges and never answers', async () => {
    const { lab, terminal } = await setup(300);
    lab.nextOutcome('timeout');
    expect(await terminal.authorize({ amount: 7000, currencyNumeric: KRW, reference: 'z' })).toEqual({
      status: 'failed',
      code: 'timeout',
      message: PAYMENT_MESSAGES.timeout,
    });
    // The next payment dials again and goes through.
    expect(await terminal.authorize({ amount: 7000, currencyNumeric: KRW, reference: 'z2' })).toMatchObject({ status: 'approved' });
  });

  it('refuses a second payment while one is running', async () => {
    const { lab, terminal } = await setup(300);
    lab.nextOutcome('timeout');
    const first = terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'a' });
    expect(await terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'b' })).toMatchObject({ status: 'failed', code: 'busy' });
    expect(await first).toMatchObject({ status: 'failed', code: 'timeout' });
  });

  it('fails with timeout when the terminal does not even acknowledge', async () => {
    const silent = net.createServer((s) => s.on('error', () => undefined));
    const sockets: net.Socket[] = [];
    silent.on('connection', (s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    });
    const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port: (silent.address() as net.AddressInfo).port, ackTimeoutMs: 100 });
    cleanups.push(() => terminal.close());
    await terminal.open();
    expect(await terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'a' })).toEqual({
      status: 'failed',
      code: 'timeout',
      message: PAYMENT_MESSAGES.ackTimeout,
    });
  });

  it('fails with disconnected when no terminal listens, without throwing', async () => {
    const lab = await LabTerminal.start();
    const port = lab.port;
    await lab.close();
    const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port });
    cleanups.push(() => terminal.close());
    await terminal.open();
    expect(terminal.status()).toMatchObject({ state: 'offline', code: 'disconnected' });
    expect(await terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'a' })).toMatchObject({ status: 'failed', code: 'disconnected' });
  });
});
