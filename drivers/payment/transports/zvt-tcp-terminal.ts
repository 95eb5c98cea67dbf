import { ZvtTerminal, type ZvtTerminalOptions } from '../zvt-terminal.ts';
import { ZvtTcpLink } from './zvt-tcp-link.ts';

export { PAYMENT_MESSAGES } from '../zvt-terminal.ts';

export interface ZvtTcpTerminalOptions extends ZvtTerminalOptions {
  host: string;
  /** ZVT over TCP listens on 20007 by default. */
  port?: number;
}

/** A ZVT card terminal over TCP (the ECR dials the terminal; APDUs travel bare). */
export class ZvtTcpTerminal extends ZvtTerminal {
  constructor(options: ZvtTcpTerminalOptions) {
    super(new ZvtTcpLink(options.host, options.port ?? 20007), options);
  }
}
