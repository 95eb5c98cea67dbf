import { describe, expect, it } from 'vitest';
import { ENDPOINT_MESSAGES, createPaymentTerminal, createPrinter, createScanner, parseEndpoint } from './index.ts';
import { ZvtTcpTerminal } from './payment/transports/zvt-tcp-terminal.ts';
import { EscPosTcpPrinter } from './printer/transports/tcp-printer.ts';
import { TcpLineScanner } from './scanner/transports/tcp-scanner.ts';
import { ZvtSerialTerminal } from './payment/transports/zvt-serial-terminal.ts';
import { EscPosSerialPrinter } from './printer/transports/serial-printer.ts';
import { SerialLineScanner } from './scanner/transports/serial-scanner.ts';
import { HidPosScanner } from './scanner/transports/hid-pos-scanner.ts';
import { HID_MESSAGES } from './scanner/transports/hid-report-source.ts';
import { SERIAL_MESSAGES, parseSerialEndpoint } from './serial/serial-endpoint.ts';
import { EscPosUsbPrinter } from './printer/transports/usb-lp-printer.ts';
import { DEVICE_FILE_MESSAGES, parseDeviceFileEndpoint } from './printer/transports/device-file.ts';

describe('device endpoints', () => {
  it('parses tcp://host:port and falls back to the device class default port', () => {
    expect(parseEndpoint('tcp://127.0.0.1:19100')).toEqual({ host: '127.0.0.1', port: 19100 });
    expect(parseEndpoint('tcp://printer.local', 9100)).toEqual({ host: 'printer.local', port: 9100 });
    expect(() => parseEndpoint('tcp://scanner.local')).toThrow(ENDPOINT_MESSAGES.port('tcp://scanner.local'));
  });

  it('creates the TCP implementation of each device class', () => {
    expect(createPrinter('tcp://127.0.0.1:9100')).toBeInstanceOf(EscPosTcpPrinter);
    expect(createScanner('tcp://127.0.0.1:19200')).toBeInstanceOf(TcpLineScanner);
    expect(createPaymentTerminal('tcp://127.0.0.1:20007')).toBeInstanceOf(ZvtTcpTerminal);
  });

  it('creates the serial implementation of each device class from serial:///path?baud=N', () => {
    expect(createPrinter('serial:///dev/ttyUSB0?baud=38400')).toBeInstanceOf(EscPosSerialPrinter);
    expect(createScanner('serial:///dev/ttyACM0')).toBeInstanceOf(SerialLineScanner);
    expect(createPaymentTerminal('serial:///dev/ttyS0?baud=9600')).toBeInstanceOf(ZvtSerialTerminal);
  });

  it('creates a USB printer-class printer from usblp:///dev/usb/lp0, and refuses a usblp URL with a host', () => {
    expect(createPrinter('usblp:///dev/usb/lp0')).toBeInstanceOf(EscPosUsbPrinter);
    expect(parseDeviceFileEndpoint('usblp:///dev/usb/lp1')).toEqual({ path: '/dev/usb/lp1' });
    expect(() => createPrinter('usblp://printer/lp0')).toThrow(DEVICE_FILE_MESSAGES.invalid('usblp://printer/lp0'));
  });

  it('parses serial endpoints: the device path, the baud rate (9600 by default), Windows COM ports', () => {
    expect(parseSerialEndpoint('serial:///dev/ttyUSB0?baud=38400')).toEqual({ path: '/dev/ttyUSB0', baudRate: 38400 });
    expect(parseSerialEndpoint('serial:///dev/serial/by-id/usb-Honeywell_1900-if00')).toEqual({ path: '/dev/serial/by-id/usb-Honeywell_1900-if00', baudRate: 9600 });
    expect(parseSerialEndpoint('serial:///COM3?baud=115200')).toEqual({ path: 'COM3', baudRate: 115200 });
    expect(() => parseSerialEndpoint('serial:///dev/ttyS0?baud=fast')).toThrow(SERIAL_MESSAGES.baud('serial:///dev/ttyS0?baud=fast'));
    expect(() => parseSerialEndpoint('serial://host/dev/ttyS0')).toThrow(SERIAL_MESSAGES.invalid('serial://host/dev/ttyS0'));
  });

  it('takes the payment timeouts from the endpoint (?timeout=ms&ackTimeout=ms), and refuses nonsense', () => {
    expect(createPaymentTerminal('tcp://127.0.0.1:20007?timeout=1500&ackTimeout=500')).toBeInstanceOf(ZvtTcpTerminal);
    expect(() => createPaymentTerminal('tcp://127.0.0.1:20007?timeout=soon')).toThrow(ENDPOINT_MESSAGES.timeout('tcp://127.0.0.1:20007?timeout=soon', 'timeout'));
    expect(() => createPaymentTerminal('serial:///dev/ttyS0?baud=9600&ackTimeout=0')).toThrow(/ackTimeout must be a positive number/);
  });

  it('makes HID POS scanners from hid://VID:PID, hid:///dev/hidrawN and hidlab://host:port, and refuses a malformed one', () => {
    expect(createScanner('hid://0c2e:0b61')).toBeInstanceOf(HidPosScanner);
    expect(createScanner('hid:///dev/hidraw3')).toBeInstanceOf(HidPosScanner);
    expect(createScanner('hidlab://127.0.0.1:19201')).toBeInstanceOf(HidPosScanner);
    expect(() => createScanner('hid://0x0c2e:0x0b61')).toThrow(HID_MESSAGES.invalid('hid://0x0c2e:0x0b61'));
    expect(() => createPrinter('hid://0c2e:0b61')).toThrow(/HID POS scanners only/);
  });

  it('rejects unknown schemes clearly', () => {
    expect(() => createPrinter('usb://printer')).toThrow('unknown device endpoint scheme "usb:"');
    expect(() => createPrinter('not a url')).toThrow(ENDPOINT_MESSAGES.invalid('not a url'));
  });
});
