import net from 'node:net';
import { createEmitter, type DeviceStatus, type Unsubscribe } from '../../device.ts';
import { ApduReader } from '../protocol/apdu-reader.ts';
import {
  ACK,
  CARD_TYPES,
  ZVT,
  encodeAuthorization,
  isCommand,
  maskPan,
  parseStatusInformation,
  type Apdu,
  type StatusInformation,
} from '../protocol/zvt.ts';
import type { AuthorizationRequest, DeclineCode, PaymentOutcome, PaymentTerminal } from '../types.ts';

export interface ZvtTcpTerminalOptions {
  host: string;
  /** ZVT over TCP listens on 20007 by default. */
  port?: number;
  /** The terminal must acknowledge a command within this time (spec: 5 s). */
  ackTimeoutMs?: number;
  /** Budget for the whole payment, card and PIN entry included. Default 60 s. */
  timeoutMs?: number;
}

export const PAYMENT_MESSAGES = {
  timeout: 'The card terminal did not finish in time; the payment outcome is unknown.',
  ackTimeout: 'The card terminal did not acknowledge the payment request.',
  disconnected: 'The card terminal is not reachable.',
  busy: 'The card terminal is busy with another payment.',
  protocol: 'The card terminal answered something unexpected.',
  declined: 'The card was declined.',
  canceled: 'The payment was canceled on the terminal or timed out there.',
  card_error: 'The card could not be read or is not accepted.',
  terminal_error: 'The card terminal reported an error.',
} as const;

class DialogueError extends Error {
  constructor(
    readonly code: 'timeout' | 'disconnected' | 'busy' | 'protocol',
    message: string,
  ) {
    super(message);
  }
}

/** Maps a ZVT result code (spec: list of error codes) to what the till needs to know. */
function declineCode(resultCode: number): DeclineCode {
  if (resultCode >= 0x01 && resultCode <= 0x63) return 'declined'; // from the card issuer / network
  if (resultCode === 0x6c) return 'canceled'; // abort via timeout or abort key
  if ((resultCode >= 0x64 && resultCode <= 0x68) || (resultCode >= 0x6e && resultCode <= 0x7e)) return 'card_error';
  return 'terminal_error';
}

/**
 * A ZVT card terminal over TCP. The till is the ECR: it sends Authorization (06 01), acknowledges
 * every message of the terminal with 80 00 00, and reads the result from Status-Information (04 0F)
 * and Completion (06 0F) or Abort (06 1E).
 */
export class ZvtTcpTerminal implements PaymentTerminal {
  private readonly events = createEmitter<{ status: DeviceStatus }>();
  private current: DeviceStatus = { state: 'disabled' };
  private socket: net.Socket | undefined;
  private reader = new ApduReader();
  private busy = false;
  private closed = true;
  private readonly host: string;
  private readonly port: number;
  private readonly ackTimeoutMs: number;
  private readonly timeoutMs: number;

  constructor(options: ZvtTcpTerminalOptions) {
    this.host = options.host;
    this.port = options.port ?? 20007;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Dials the terminal; an unreachable terminal opens `offline` and is dialled again on authorize(). */
  async open(): Promise<void> {
    this.closed = false;
    try {
      await this.connect();
    } catch {
      // status says offline
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.socket?.destroy();
    this.socket = undefined;
    this.setStatus({ state: 'disabled' });
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatus(cb: (status: DeviceStatus) => void): Unsubscribe {
    return this.events.on('status', cb);
  }

  async authorize(req: AuthorizationRequest): Promise<PaymentOutcome> {
    if (this.busy) return { status: 'failed', code: 'busy', message: PAYMENT_MESSAGES.busy };
    if (this.closed) return { status: 'failed', code: 'disconnected', message: PAYMENT_MESSAGES.disconnected };
    let command: Uint8Array;
    try {
      command = encodeAuthorization(req.amount, req.currencyNumeric);
    } catch (error) {
      return { status: 'failed', code: 'protocol', message: (error as Error).message };
    }
    this.busy = true;
    try {
      await this.connect();
      return await this.dialogue(command);
    } catch (error) {
      const failure = error instanceof DialogueError ? error : new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected);
      if (failure.code === 'timeout') {
        // TODO(#4): an unknown outcome must be resolved by asking the terminal (status enquiry /
        // repeat receipt), never guessed. Until then the caller gets failed/timeout.
        this.socket?.destroy();
      }
      return { status: 'failed', code: failure.code, message: failure.message };
    } finally {
      this.busy = false;
    }
  }

  private async dialogue(command: Uint8Array): Promise<PaymentOutcome> {
    const deadline = Date.now() + this.timeoutMs;
    this.send(command);
    const ack = await this.next(Math.min(this.ackTimeoutMs, this.timeoutMs), PAYMENT_MESSAGES.ackTimeout);
    if (isCommand(ack, ZVT.nack)) {
      const code = ack.instr === 0x83 || ack.instr === 0x9c ? 'busy' : 'protocol';
      throw new DialogueError(code, `${PAYMENT_MESSAGES[code]} (84 ${ack.instr.toString(16).padStart(2, '0')})`);
    }
    if (!isCommand(ack, ZVT.ack)) throw new DialogueError('protocol', PAYMENT_MESSAGES.protocol);

    let info: StatusInformation | undefined;
    for (;;) {
      const apdu = await this.next(deadline - Date.now(), PAYMENT_MESSAGES.timeout);
      this.send(ACK);
      if (isCommand(apdu, ZVT.statusInformation)) {
        info = parseStatusInformation(apdu.data);
      } else if (isCommand(apdu, ZVT.completion)) {
        if (info && info.resultCode !== 0) return this.declined(info.resultCode);
        return {
          status: 'approved',
          amount: info?.amount ?? 0,
          scheme: info?.cardName || (info?.cardType !== undefined ? CARD_TYPES[info.cardType] : undefined) || 'UNKNOWN',
          maskedPan: maskPan(info?.pan),
          approvalCode: info?.approvalCode ?? '',
          terminalRef: [info?.terminalId, info?.trace].filter(Boolean).join('/'),
          ...(info?.receiptNo ? { receiptNo: info.receiptNo } : {}),
        };
      } else if (isCommand(apdu, ZVT.abort)) {
        return this.declined(apdu.data[0] ?? info?.resultCode ?? 0xff);
      }
      // 04 FF intermediate status, print lines and the rest: acknowledged above, nothing to keep.
    }
  }

  private declined(resultCode: number): PaymentOutcome {
    const code = declineCode(resultCode);
    return { status: 'declined', code, message: PAYMENT_MESSAGES[code], resultCode };
  }

  private async next(ms: number, message: string): Promise<Apdu> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.reader.next(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new DialogueError('timeout', message)), Math.max(0, ms));
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private send(bytes: Uint8Array): void {
    if (!this.socket || this.socket.destroyed) throw new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected);
    this.socket.write(bytes);
  }

  private connect(): Promise<void> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const reader = new ApduReader();
      this.socket = socket;
      this.reader = reader;
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => reader.push(chunk));
      socket.once('connect', () => {
        this.setStatus({ state: 'online' });
        resolve();
      });
      socket.on('error', () => {
        // 'close' follows.
      });
      socket.once('close', () => {
        reader.fail(new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected));
        if (this.socket === socket) this.socket = undefined;
        if (!this.closed) this.setStatus({ state: 'offline', code: 'disconnected', detail: PAYMENT_MESSAGES.disconnected });
        reject(new DialogueError('disconnected', PAYMENT_MESSAGES.disconnected));
      });
    });
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.code === this.current.code) return;
    this.current = status;
    this.events.emit('status', status);
  }
}
