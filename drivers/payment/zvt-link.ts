import type { Apdu } from './protocol/zvt.ts';

/**
 * What the ZVT ECR needs from a transport: a connection that carries whole APDUs. TCP carries them
 * bare; serial wraps each in DLE STX ... DLE ETX CRC and acknowledges it on the line (ACK/NAK),
 * which its `send()` hides: it resolves once the line acknowledged the frame.
 */
export interface ZvtLink {
  /** Connects; resolves at once when connected, rejects when the terminal is not reachable. */
  connect(): Promise<void>;
  readonly connected: boolean;
  /** Sends one APDU; rejects when the link is down or the line refused it after the retries. */
  send(apdu: Uint8Array): Promise<void>;
  /** The next APDU from the terminal, or undefined after `ms`; rejects when the link goes down. */
  receive(ms: number): Promise<Apdu | undefined>;
  /** Drops the connection (the terminal sees the ECR go away) or closes the port. */
  drop(): void;
  /** Called with false when the connection is lost, true when it is made. */
  onChange(cb: (connected: boolean) => void): void;
}

export class LinkDown extends Error {}
