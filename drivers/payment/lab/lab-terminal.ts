import net from 'node:net';
import { ApduReader } from '../protocol/apdu-reader.ts';
import { ACK, ZVT, encodeApdu, encodeStatusInformation, isCommand, parseAuthorization } from '../protocol/zvt.ts';
import { listenTcp, portOf } from '../../lab/listen.ts';

export type LabOutcome = 'approve' | 'decline' | 'timeout';

export interface LabTransaction {
  amount: number;
  currencyNumeric: number;
  outcome: LabOutcome;
  trace?: string;
  at: string;
}

const TERMINAL_ID = '52500001';
/** Host result code the lab declines with: 05 "do not honour". */
const DECLINE_CODE = 0x05;

/**
 * A ZVT card terminal emulator on TCP. It approves with a VISA card ending in 1234 unless told
 * otherwise for the next authorization: `decline` answers with result code 05, `timeout` acknowledges
 * and then never answers (the unknown-outcome case the till must survive).
 */
export class LabTerminal {
  private readonly log: LabTransaction[] = [];
  private readonly sockets = new Set<net.Socket>();
  private next: LabOutcome = 'approve';
  private trace = 0;

  private constructor(private readonly server: net.Server) {
    server.on('connection', (socket) => this.serve(socket));
  }

  static async start(options: { host?: string; port?: number } = {}): Promise<LabTerminal> {
    return new LabTerminal(await listenTcp(options));
  }

  get port(): number {
    return portOf(this.server);
  }

  /** Sets the outcome of the next authorization only; then it is back to approving. */
  nextOutcome(outcome: LabOutcome): void {
    this.next = outcome;
  }

  transactions(): LabTransaction[] {
    return [...this.log];
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const reader = new ApduReader();
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      reader.fail(new Error('closed'));
    });
    void this.converse(socket, reader).catch(() => undefined);
  }

  private async converse(socket: net.Socket, reader: ApduReader): Promise<void> {
    for (;;) {
      const apdu = await reader.next();
      if (!isCommand(apdu, ZVT.authorization)) {
        // Only authorization is emulated: "function not possible".
        if (!isCommand(apdu, ZVT.ack)) socket.write(Uint8Array.of(0x84, 0x83, 0x00));
        continue;
      }
      const request = parseAuthorization(apdu.data);
      if (!request) {
        socket.write(Uint8Array.of(0x84, 0x9a, 0x00)); // ZVT protocol error
        continue;
      }
      socket.write(ACK);
      const outcome = this.next;
      this.next = 'approve';
      const entry: LabTransaction = { ...request, outcome, at: new Date().toISOString() };
      this.log.push(entry);
      if (outcome === 'timeout') continue;

      const send = async (bytes: Uint8Array): Promise<void> => {
        socket.write(bytes);
        const ack = await reader.next();
        if (!isCommand(ack, ZVT.ack)) throw new Error('the ECR did not acknowledge');
      };
      await send(encodeApdu(0x04, 0xff, Uint8Array.of(0x0e))); // intermediate status: please wait
      if (outcome === 'decline') {
        await send(encodeStatusInformation({ resultCode: DECLINE_CODE, amount: request.amount }));
        await send(encodeApdu(0x06, 0x1e, Uint8Array.of(DECLINE_CODE)));
        continue;
      }
      this.trace += 1;
      const trace = String(this.trace).padStart(6, '0');
      entry.trace = trace;
      await send(
        encodeStatusInformation({
          resultCode: 0,
          amount: request.amount,
          trace,
          terminalId: TERMINAL_ID,
          approvalCode: String((this.trace * 7_919_113) % 100_000_000).padStart(8, '0'),
          pan: '************1234',
          receiptNo: String(this.trace % 10_000).padStart(4, '0'),
          cardType: 0x0a,
          cardName: 'VISA',
        }),
      );
      await send(encodeApdu(0x06, 0x0f));
    }
  }
}
