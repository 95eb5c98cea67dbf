import { openSerial, type SerialEndpoint } from '../../serial/serial-endpoint.ts';
import { ZvtTerminal, type ZvtTerminalOptions } from '../zvt-terminal.ts';
import { ZvtSerialLink, type ZvtSerialLinkOptions } from './zvt-serial-link.ts';

export interface ZvtSerialTerminalOptions extends ZvtTerminalOptions, Omit<ZvtSerialLinkOptions, 'open'> {
  endpoint: SerialEndpoint;
}

/** A ZVT card terminal on a serial port (RS-232 or a USB serial adapter), 9600 baud 8N1 by default. */
export class ZvtSerialTerminal extends ZvtTerminal {
  constructor(options: ZvtSerialTerminalOptions) {
    super(new ZvtSerialLink({ ...options, open: () => openSerial(options.endpoint) }), options);
  }
}
