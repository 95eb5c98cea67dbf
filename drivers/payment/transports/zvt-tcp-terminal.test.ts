import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LabTerminal } from '../lab/lab-terminal.ts';
import { PAYMENT_MESSAGES, ZvtTcpTerminal, type ZvtTcpTerminalOptions } from './zvt-tcp-terminal.ts';
import type { KeptOperation, OperationJournal } from '../types.ts';

const KRW = 410;

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('ZVT terminal over TCP with the lab terminal', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(options: Partial<ZvtTcpTerminalOptions> = {}) {
    const lab = await LabTerminal.start();
    cleanups.push(() => lab.close());
    const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, timeoutMs: 5000, ackTimeoutMs: 1000, retryDelayMs: 50, ...options });
    cleanups.push(() => terminal.close());
    await terminal.open();
    return { lab, terminal };
  }

  /** A peer that accepts connections and never says a word: not even an acknowledgement. */
  async function silentPeer(acknowledge: boolean) {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => {
      sockets.push(s);
      s.on('error', () => undefined);
      if (acknowledge) s.once('data', () => s.write(Uint8Array.of(0x80, 0x00, 0x00)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => server.close(r));
    });
    return (server.address() as net.AddressInfo).port;
  }

  describe('payment (06 01)', () => {
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
      expect(lab.transactions()).toMatchObject([{ kind: 'payment', amount: 22800, currencyNumeric: KRW, outcome: 'approve', trace: '000001' }]);
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

    it('refuses a second operation while one is running', async () => {
      const { lab, terminal } = await setup({ timeoutMs: 300 });
      lab.nextOutcome('timeout');
      const first = terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'a' });
      expect(await terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'b' })).toMatchObject({ status: 'failed', code: 'busy' });
      expect(await terminal.enquireStatus()).toMatchObject({ ok: false, code: 'busy' });
      await first;
    });

    it('fails with timeout when the terminal does not even acknowledge, and keeps nothing unresolved (it never took the command)', async () => {
      const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port: await silentPeer(false), ackTimeoutMs: 100 });
      cleanups.push(() => terminal.close());
      await terminal.open();
      expect(await terminal.authorize({ amount: 1, currencyNumeric: KRW, reference: 'a' })).toEqual({
        status: 'failed',
        code: 'timeout',
        message: PAYMENT_MESSAGES.ackTimeout,
      });
      expect(terminal.unresolved()).toBeNull();
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

  describe('abort (06 B0) and timeouts', () => {
    it('aborts a payment the cashier cancels: the terminal ends it with 06 1E 6C and nothing is charged', async () => {
      const { lab, terminal } = await setup({ timeoutMs: 30_000 });
      lab.nextOutcome('timeout');
      expect(await terminal.abort()).toBe(false); // nothing running yet
      const payment = terminal.authorize({ amount: 3000, currencyNumeric: KRW, reference: 'c' });
      await until(() => lab.transactions().length === 1);
      expect(await terminal.abort()).toBe(true);
      expect(await payment).toEqual({ status: 'declined', code: 'canceled', message: PAYMENT_MESSAGES.canceled, resultCode: 0x6c });
      expect(lab.transactions()).toMatchObject([{ outcome: 'aborted' }]);
      expect(lab.transactions()[0]?.trace).toBeUndefined();
      expect(terminal.unresolved()).toBeNull();
    });

    it('when its time is up, asks the terminal to abort; a terminal that ends the payment leaves a definite decline', async () => {
      const { lab, terminal } = await setup({ timeoutMs: 200 });
      lab.nextOutcome('timeout');
      expect(await terminal.authorize({ amount: 7000, currencyNumeric: KRW, reference: 'z' })).toMatchObject({ status: 'declined', code: 'canceled' });
      expect(terminal.unresolved()).toBeNull();
      expect(await terminal.authorize({ amount: 7000, currencyNumeric: KRW, reference: 'z2' })).toMatchObject({ status: 'approved' });
    });

    it('keeps the outcome unknown when the terminal accepted the payment and ignores the abort too', async () => {
      const port = await silentPeer(true);
      const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port, timeoutMs: 100, ackTimeoutMs: 100, resolveTimeoutMs: 300, retryDelayMs: 50 });
      cleanups.push(() => terminal.close());
      await terminal.open();
      expect(await terminal.authorize({ amount: 4500, currencyNumeric: KRW, reference: 'sale-7' })).toEqual({
        status: 'failed',
        code: 'timeout',
        message: PAYMENT_MESSAGES.timeout,
      });
      expect(terminal.unresolved()).toMatchObject({ operation: 'payment', reference: 'sale-7', amount: 4500 });
      // Asking cannot get an answer from this peer: still unresolved, and no new payment is sent.
      expect(await terminal.resolveUnknown()).toMatchObject({ reference: 'sale-7', outcome: { status: 'failed', code: 'unresolved' } });
      expect(await terminal.authorize({ amount: 100, currencyNumeric: KRW, reference: 'other' })).toMatchObject({ status: 'failed', code: 'unresolved' });
      expect(terminal.unresolved()).toMatchObject({ reference: 'sale-7' });
    });
  });

  describe('an approval that arrives after the ECR gave up', () => {
    const lateSetup = async () => {
      const rig = await setup({ timeoutMs: 150, ackTimeoutMs: 100 });
      rig.lab.nextOutcome('late', { lateMs: 600 });
      return rig;
    };

    it('is resolved as approved by asking the terminal (repeat receipt), without charging twice when the same payment is asked again', async () => {
      const { lab, terminal } = await lateSetup();
      const first = await terminal.authorize({ amount: 12000, currencyNumeric: KRW, reference: 'sale-9' });
      expect(first).toEqual({ status: 'failed', code: 'timeout', message: PAYMENT_MESSAGES.timeout });
      expect(terminal.unresolved()).toMatchObject({ operation: 'payment', reference: 'sale-9', amount: 12000 });

      const again = await terminal.authorize({ amount: 12000, currencyNumeric: KRW, reference: 'sale-9' });
      expect(again).toMatchObject({ status: 'approved', amount: 12000, maskedPan: '****1234', terminalRef: '52500001/000001', receiptNo: '0001' });
      expect(terminal.unresolved()).toBeNull();
      // One payment reached the terminal and one was booked.
      expect(lab.transactions().filter((t) => t.kind === 'payment')).toMatchObject([{ amount: 12000, outcome: 'late', trace: '000001' }]);
    });

    it('is handed to the caller by resolveUnknown()', async () => {
      const { lab, terminal } = await lateSetup();
      await terminal.authorize({ amount: 8000, currencyNumeric: KRW, reference: 'sale-10' });
      expect(await terminal.resolveUnknown()).toMatchObject({
        operation: 'payment',
        reference: 'sale-10',
        outcome: { status: 'approved', amount: 8000, receiptNo: '0001' },
      });
      expect(terminal.unresolved()).toBeNull();
      expect(await terminal.resolveUnknown()).toBeNull();
      expect(lab.transactions()).toHaveLength(1);
    });

    it('blocks a payment for another sale until the caller has claimed the late approval', async () => {
      const { lab, terminal } = await lateSetup();
      await terminal.authorize({ amount: 8000, currencyNumeric: KRW, reference: 'sale-11' });
      expect(await terminal.authorize({ amount: 500, currencyNumeric: KRW, reference: 'sale-12' })).toEqual({
        status: 'failed',
        code: 'unresolved',
        message: PAYMENT_MESSAGES.resolvedOther('sale-11'),
      });
      expect(await terminal.resolveUnknown()).toMatchObject({ reference: 'sale-11', outcome: { status: 'approved', amount: 8000 } });
      expect(await terminal.authorize({ amount: 500, currencyNumeric: KRW, reference: 'sale-12' })).toMatchObject({ status: 'approved', amount: 500 });
      expect(lab.transactions().map((t) => [t.amount, t.trace])).toEqual([
        [8000, '000001'],
        [500, '000002'],
      ]);
    });

    it('makes a busy terminal refuse other commands until it has booked (84 9C)', async () => {
      const { lab, terminal } = await lateSetup();
      await terminal.authorize({ amount: 8000, currencyNumeric: KRW, reference: 'sale-13' });
      const other = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, ackTimeoutMs: 500 });
      cleanups.push(() => other.close());
      await other.open();
      expect(await other.enquireStatus()).toMatchObject({ ok: false, code: 'busy' });
      await lab.settled();
      expect(await other.enquireStatus()).toMatchObject({ ok: true, ready: true });
    });

    it('does not take the previous receipt of the same amount for the late one', async () => {
      const { lab, terminal } = await setup({ timeoutMs: 150, ackTimeoutMs: 100 });
      await terminal.authorize({ amount: 2500, currencyNumeric: KRW, reference: 'before' });
      lab.nextOutcome('late', { lateMs: 400 });
      await terminal.authorize({ amount: 2500, currencyNumeric: KRW, reference: 'sale-14' });
      expect(terminal.unresolved()).toMatchObject({ reference: 'sale-14' });
      await lab.settled();
      // The repeated receipt is the new one (trace 2), not the earlier payment of the same amount.
      expect(await terminal.resolveUnknown()).toMatchObject({ reference: 'sale-14', outcome: { status: 'approved', terminalRef: '52500001/000002' } });
      expect(await terminal.resolveUnknown()).toBeNull();
    });
  });

  describe('an unknown outcome kept across a restart (the operation journal)', () => {
    /** The till's database as the driver sees it: what was written, in order. */
    function memoryJournal(start: KeptOperation | null = null) {
      let kept = start;
      const writes: (KeptOperation | null)[] = [];
      const journal: OperationJournal = {
        load: () => kept,
        save: (op) => void writes.push((kept = op)),
        clear: () => void writes.push((kept = null)),
      };
      return { journal, writes, kept: () => kept };
    }

    it('writes the operation before sending it and clears it once the terminal answered', async () => {
      const { journal, writes } = memoryJournal();
      const { lab } = await setup();
      const terminal = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, ackTimeoutMs: 1000, journal });
      cleanups.push(() => terminal.close());
      await terminal.open();
      lab.nextOutcome('decline');
      expect(await terminal.authorize({ amount: 700, currencyNumeric: KRW, reference: 'sale-d' })).toMatchObject({ status: 'declined' });
      expect(await terminal.authorize({ amount: 900, currencyNumeric: KRW, reference: 'sale-a' })).toMatchObject({ status: 'approved' });
      expect(await terminal.authorize({ amount: 900, currencyNumeric: KRW, reference: 'sale-b' })).toMatchObject({ status: 'approved' });
      expect(writes).toEqual([
        { operation: 'payment', reference: 'sale-d', amount: 700, traceBefore: undefined, receiptNo: undefined, sentAt: expect.any(String) as string },
        null,
        expect.objectContaining({ reference: 'sale-a', amount: 900, traceBefore: undefined }),
        null,
        // The trace of the last booking goes along: a repeat receipt still showing it is not this payment's.
        expect.objectContaining({ reference: 'sale-b', amount: 900, traceBefore: '000001' }),
        null,
      ]);
    });

    it('keeps an accepted operation that went unanswered, and a terminal driver started afresh resolves it once, before any other command', async () => {
      const { journal, kept } = memoryJournal();
      const { lab } = await setup();
      const dying = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, timeoutMs: 150, ackTimeoutMs: 100, journal });
      await dying.open();
      lab.nextOutcome('late', { lateMs: 500 });
      expect(await dying.authorize({ amount: 4300, currencyNumeric: KRW, reference: 'sale-k' })).toMatchObject({ status: 'failed', code: 'timeout' });
      await dying.close();
      expect(kept()).toMatchObject({ operation: 'payment', reference: 'sale-k', amount: 4300 });

      // The till starts again: the new driver knows the operation from the journal alone.
      const fresh = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, ackTimeoutMs: 1000, retryDelayMs: 50, journal });
      cleanups.push(() => fresh.close());
      await fresh.open();
      expect(fresh.unresolved()).toMatchObject({ operation: 'payment', reference: 'sale-k', amount: 4300 });
      // A status enquiry is refused until the approval is claimed: nothing else goes first.
      expect(await fresh.enquireStatus()).toMatchObject({ ok: false, code: 'unresolved' });
      expect(await fresh.resolveUnknown()).toMatchObject({ reference: 'sale-k', outcome: { status: 'approved', amount: 4300, terminalRef: '52500001/000001' } });
      expect(kept()).toBeNull();
      expect(await fresh.resolveUnknown()).toBeNull();
      expect(lab.transactions().filter((t) => t.trace !== undefined)).toHaveLength(1);
    });

    it('clears a kept operation the terminal never booked (killed before the terminal took it)', async () => {
      const { lab } = await setup();
      await lab.settled();
      const { journal, kept } = memoryJournal({ operation: 'payment', reference: 'sale-n', amount: 1500, sentAt: new Date().toISOString() });
      const fresh = new ZvtTcpTerminal({ host: '127.0.0.1', port: lab.port, ackTimeoutMs: 1000, journal });
      cleanups.push(() => fresh.close());
      await fresh.open();
      // The terminal's last receipt is not an approval of 1,500: nothing was charged.
      expect(await fresh.resolveUnknown()).toMatchObject({ reference: 'sale-n', outcome: { status: 'declined', code: 'canceled' } });
      expect(kept()).toBeNull();
      expect(await fresh.authorize({ amount: 1500, currencyNumeric: KRW, reference: 'sale-n' })).toMatchObject({ status: 'approved' });
    });
  });

  describe('refund (06 31), reversal (06 30), status enquiry (05 01), end of day (06 50)', () => {
    it('refunds an amount to the card', async () => {
      const { lab, terminal } = await setup();
      expect(await terminal.refund({ amount: 3300, currencyNumeric: KRW, reference: 'return-1' })).toMatchObject({
        status: 'approved',
        amount: 3300,
        maskedPan: '****1234',
      });
      expect(lab.transactions()).toMatchObject([{ kind: 'refund', amount: 3300, currencyNumeric: KRW }]);
    });

    it('reverses the last approved payment by its receipt number, once', async () => {
      const { lab, terminal } = await setup();
      await terminal.authorize({ amount: 9900, currencyNumeric: KRW, reference: 'sale-20' });
      expect(await terminal.reverse({ reference: 'void-20' })).toMatchObject({ status: 'approved', amount: 9900, receiptNo: '0002' });
      expect(lab.transactions()).toMatchObject([
        { kind: 'payment', amount: 9900, receiptNo: '0001', reversed: true },
        { kind: 'reversal', amount: 9900 },
      ]);
      expect(await terminal.reverse({ reference: 'void-20b' })).toEqual({ status: 'declined', code: 'terminal_error', message: PAYMENT_MESSAGES.noLastPayment });
      expect(await terminal.reverse({ reference: 'void-x', receiptNo: '0001' })).toMatchObject({ status: 'declined', resultCode: 0x64 });
    });

    it('answers a status enquiry with the terminal software and ready state', async () => {
      const { terminal } = await setup();
      expect(await terminal.enquireStatus()).toEqual({ ok: true, ready: true, terminalStatus: 0, softwareVersion: 'OMNI-LAB ZVT 13.13' });
    });

    it('closes the day with the total of payments less refunds and reversals', async () => {
      const { terminal } = await setup();
      await terminal.authorize({ amount: 10000, currencyNumeric: KRW, reference: 'a' });
      await terminal.authorize({ amount: 2000, currencyNumeric: KRW, reference: 'b' });
      await terminal.reverse({ reference: 'void-b' });
      await terminal.refund({ amount: 1500, currencyNumeric: KRW, reference: 'r' });
      expect(await terminal.endOfDay()).toMatchObject({ ok: true, total: 8500 });
      expect(await terminal.endOfDay()).toMatchObject({ ok: true, total: 0 });
    });
  });
});
