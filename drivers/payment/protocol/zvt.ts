/**
 * A real subset of ZVT, the ECR interface of German card terminals, written against the public
 * "ZVT-Protokoll" specification Rev. 13.13 (PA00P015_13.13, commands, bitmaps, error messages):
 * APDU framing, BCD, BMP fields, and the commands
 *   ECR -> PT: Authorization (06 01), Reversal (06 30), Refund (06 31), Repeat Receipt (06 20),
 *              End-of-Day (06 50), Status Enquiry (05 01), Abort (06 B0);
 *   PT -> ECR: Status-Information (04 0F), Intermediate Status (04 FF), Print Line (06 D1),
 *              Completion (06 0F), Abort (06 1E);
 *   both:      the acknowledgements (80 00 00 / 84 xx 00).
 * The serial transport framing (DLE STX ... DLE ETX CRC, PA00P016) is in zvt-serial-frame.ts.
 */

export interface Apdu {
  cls: number;
  instr: number;
  data: Uint8Array;
}

export const ACK = Uint8Array.of(0x80, 0x00, 0x00);

export const ZVT = {
  authorization: [0x06, 0x01],
  reversal: [0x06, 0x30],
  refund: [0x06, 0x31],
  repeatReceipt: [0x06, 0x20],
  endOfDay: [0x06, 0x50],
  statusEnquiry: [0x05, 0x01],
  /** ECR -> PT: abort the command the PT is running. */
  abortRequest: [0x06, 0xb0],
  completion: [0x06, 0x0f],
  /** PT -> ECR: the command ended without success; the first data byte is the result code. */
  abort: [0x06, 0x1e],
  statusInformation: [0x04, 0x0f],
  intermediateStatus: [0x04, 0xff],
  printLine: [0x06, 0xd1],
  ack: [0x80, 0x00],
  nack: [0x84],
} as const;

/** Result codes (spec chapter "Error-messages") the till acts on. */
export const RESULT = {
  success: 0x00,
  /** "abort via timeout or abort-key" (also the answer to the ECR's 06 B0). */
  aborted: 0x6c,
  /** "receipt not found" / no such transaction (reversal of an unknown receipt). */
  receiptNotFound: 0x64,
  /** "function not possible": the NAK (84 83 00) of a PT that cannot run the command now. */
  functionNotPossible: 0x83,
  /** "PT busy / repeat process later": the NAK (84 9C 00) of a PT running another command. */
  busy: 0x9c,
} as const;

/** The default ZVT password (3 BCD bytes) terminals ship with. */
export const DEFAULT_PASSWORD = '000000';

export function isCommand(apdu: Apdu, command: readonly number[]): boolean {
  return apdu.cls === command[0] && (command.length < 2 || apdu.instr === command[1]);
}

/** Frames an APDU: CLASS INSTR LEN DATA, LEN as one byte, or 0xFF and two bytes little-endian. */
export function encodeApdu(cls: number, instr: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (data.length > 0xffff) throw new RangeError('a ZVT APDU carries at most 65535 bytes');
  const header = data.length < 0xff ? [cls, instr, data.length] : [cls, instr, 0xff, data.length & 0xff, data.length >> 8];
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

/** Reads one APDU from the front of a buffer; undefined while it is incomplete. */
export function readApdu(buffer: Uint8Array): { apdu: Apdu; size: number } | undefined {
  if (buffer.length < 3) return undefined;
  let length = buffer[2] ?? 0;
  let offset = 3;
  if (length === 0xff) {
    if (buffer.length < 5) return undefined;
    length = (buffer[3] ?? 0) | ((buffer[4] ?? 0) << 8);
    offset = 5;
  }
  if (buffer.length < offset + length) return undefined;
  return {
    apdu: { cls: buffer[0] ?? 0, instr: buffer[1] ?? 0, data: buffer.slice(offset, offset + length) },
    size: offset + length,
  };
}

/** Packs decimal digits into BCD, left-padded with zeros to `bytes` bytes. */
export function toBcd(value: number | string, bytes: number): Uint8Array {
  const digits = String(value);
  if (!/^\d+$/.test(digits) || digits.length > bytes * 2) throw new RangeError(`${digits} does not fit ${bytes} BCD bytes`);
  const padded = digits.padStart(bytes * 2, '0');
  return Uint8Array.from({ length: bytes }, (_, i) => (Number(padded[2 * i]) << 4) | Number(padded[2 * i + 1]));
}

/** Unpacks BCD nibbles as characters: 0-9, and the spec's fillers (E for masked, F for padding) as letters. */
export function fromBcd(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >> 4).toString(16) + (b & 0x0f).toString(16)).join('').toUpperCase();
}

type BmpFormat = number | 'LLVAR' | 'LLLVAR' | 'TLV';

/** BMP field formats (spec chapter "Bitmaps"): fixed byte length or variable. */
const BMP_FORMATS: Record<number, BmpFormat> = {
  0x01: 1, 0x02: 1, 0x03: 1, 0x04: 6, 0x05: 1, 0x06: 'TLV', 0x0b: 3, 0x0c: 3, 0x0d: 2, 0x0e: 2,
  0x17: 2, 0x19: 1, 0x22: 'LLVAR', 0x23: 'LLVAR', 0x24: 'LLLVAR', 0x27: 1, 0x29: 4, 0x2a: 15,
  0x2d: 'LLVAR', 0x2e: 'LLLVAR', 0x37: 3, 0x3a: 2, 0x3b: 8, 0x3c: 'LLLVAR', 0x3d: 3, 0x49: 2,
  0x4c: 'LLVAR', 0x60: 'LLLVAR', 0x87: 2, 0x88: 3, 0x8a: 1, 0x8b: 'LLVAR', 0x8c: 1, 0x92: 'LLLVAR',
  0x9a: 'LLLVAR', 0xa0: 1, 0xa7: 'LLVAR', 0xaa: 3, 0xaf: 'LLLVAR', 0xba: 5, 0xd0: 1, 0xd1: 'LLVAR',
  0xd2: 1, 0xd3: 1, 0xe0: 1, 0xea: 1, 0xeb: 8, 0xf0: 1,
};
for (const tag of [0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]) {
  BMP_FORMATS[tag] = 'LLVAR';
}

/** LLVAR/LLLVAR length: each length digit sent as 0xF0 + digit. */
function varLength(digits: number): (length: number) => Uint8Array {
  return (length) => Uint8Array.from(String(length).padStart(digits, '0'), (d) => 0xf0 | Number(d));
}
export const llvar = (data: Uint8Array): Uint8Array => concat(varLength(2)(data.length), data);
export const lllvar = (data: Uint8Array): Uint8Array => concat(varLength(3)(data.length), data);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function bmp(tag: number, value: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(tag), value);
}

/**
 * Parses a BMP sequence into tag -> value. Unknown BMPs are skipped when their length is known;
 * an unknown tag of unknown length ends parsing (nothing after it can be framed) and is reported.
 */
export function parseBmps(data: Uint8Array): { fields: Map<number, Uint8Array>; unparsed?: number } {
  const fields = new Map<number, Uint8Array>();
  let i = 0;
  while (i < data.length) {
    const tag = data[i] ?? 0;
    const format = BMP_FORMATS[tag];
    let start = i + 1;
    let length: number;
    if (format === undefined) return { fields, unparsed: tag };
    if (typeof format === 'number') {
      length = format;
    } else if (format === 'TLV') {
      const first = data[start] ?? 0;
      if (first < 0x80) {
        length = first;
        start += 1;
      } else {
        const n = first & 0x7f;
        length = 0;
        for (let k = 1; k <= n; k++) length = (length << 8) | (data[start + k] ?? 0);
        start += 1 + n;
      }
    } else {
      const digits = format === 'LLVAR' ? 2 : 3;
      length = 0;
      for (let k = 0; k < digits; k++) length = length * 10 + ((data[start + k] ?? 0) & 0x0f);
      start += digits;
    }
    if (start + length > data.length) return { fields, unparsed: tag };
    fields.set(tag, data.slice(start, start + length));
    i = start + length;
  }
  return { fields };
}

/** 06 01 Authorization with BMP 04 (amount, 6-byte BCD) and BMP 49 (currency, 2-byte BCD). */
export function encodeAuthorization(amount: number, currencyNumeric: number): Uint8Array {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('an amount is a positive integer of minor units');
  return encodeApdu(0x06, 0x01, concat(bmp(0x04, toBcd(amount, 6)), bmp(0x49, toBcd(currencyNumeric, 2))));
}

/** 06 31 Refund: password, then BMP 04 amount and BMP 49 currency. */
export function encodeRefund(amount: number, currencyNumeric: number, password: string = DEFAULT_PASSWORD): Uint8Array {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('an amount is a positive integer of minor units');
  return encodeApdu(0x06, 0x31, concat(toBcd(password, 3), bmp(0x04, toBcd(amount, 6)), bmp(0x49, toBcd(currencyNumeric, 2))));
}

/** 06 30 Reversal: password, then BMP 87 receipt number of the transaction to reverse. */
export function encodeReversal(receiptNo: string, password: string = DEFAULT_PASSWORD): Uint8Array {
  return encodeApdu(0x06, 0x30, concat(toBcd(password, 3), bmp(0x87, toBcd(receiptNo, 2))));
}

/** 06 20 Repeat Receipt, 06 50 End-of-Day, 05 01 Status Enquiry: the password is all they carry here. */
export function encodePasswordCommand(command: readonly [number, number], password: string = DEFAULT_PASSWORD): Uint8Array {
  return encodeApdu(command[0], command[1], toBcd(password, 3));
}

/** 06 B0 Abort, sent by the ECR while the PT runs a command. */
export const ABORT_REQUEST = encodeApdu(0x06, 0xb0);

/** A command that starts with the 3-byte password: the password and the BMPs after it (the lab's side). */
export function splitPassword(data: Uint8Array): { password: string; fields: Map<number, Uint8Array> } {
  return { password: fromBcd(data.slice(0, 3)), fields: parseBmps(data.slice(3)).fields };
}

/**
 * Completion (06 0F) of a Status Enquiry: LLLVAR software version (no BMP tag), then the
 * terminal status byte (00 = ready). A completion without data is a ready terminal.
 */
export function parseStatusEnquiryCompletion(data: Uint8Array): { softwareVersion: string; terminalStatus: number } {
  if (data.length === 0) return { softwareVersion: '', terminalStatus: 0 };
  let length = 0;
  for (let k = 0; k < 3; k++) length = length * 10 + ((data[k] ?? 0) & 0x0f);
  const version = Buffer.from(data.slice(3, 3 + length)).toString('latin1');
  return { softwareVersion: version, terminalStatus: data[3 + length] ?? 0 };
}

export function encodeStatusEnquiryCompletion(softwareVersion: string, terminalStatus: number): Uint8Array {
  return encodeApdu(0x06, 0x0f, concat(lllvar(Buffer.from(softwareVersion, 'latin1')), Uint8Array.of(terminalStatus)));
}

export function parseAuthorization(data: Uint8Array): { amount: number; currencyNumeric: number } | undefined {
  const { fields } = parseBmps(data);
  const amount = fields.get(0x04);
  if (!amount) return undefined;
  const currency = fields.get(0x49);
  return { amount: Number(fromBcd(amount)), currencyNumeric: currency ? Number(fromBcd(currency)) : 978 };
}

/** What the ECR keeps of a Status-Information (04 0F). */
export interface StatusInformation {
  resultCode: number;
  amount?: number;
  trace?: string;
  approvalCode?: string;
  /** As sent, masked digits as '*': e.g. "************1234". */
  pan?: string;
  cardType?: number;
  cardName?: string;
  receiptNo?: string;
  terminalId?: string;
}

/** ZVT card type ids (BMP 8A) of the common international schemes. */
export const CARD_TYPES: Record<number, string> = {
  0x05: 'GIROCARD',
  0x06: 'MASTERCARD',
  0x08: 'AMEX',
  0x0a: 'VISA',
  0x0c: 'DINERS',
  0x2e: 'MAESTRO',
};

export function parseStatusInformation(data: Uint8Array): StatusInformation {
  const { fields } = parseBmps(data);
  const get = (tag: number): Uint8Array | undefined => fields.get(tag);
  const ascii = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1').replace(/\0+$/, '').trim();
  const info: StatusInformation = { resultCode: get(0x27)?.[0] ?? 0 };
  const amount = get(0x04);
  if (amount) info.amount = Number(fromBcd(amount));
  const trace = get(0x0b);
  if (trace) info.trace = fromBcd(trace);
  const approval = get(0x3b);
  if (approval) info.approvalCode = ascii(approval);
  const pan = get(0x22);
  if (pan) info.pan = fromBcd(pan).replace(/F+$/, '').replace(/E/g, '*');
  const cardType = get(0x8a);
  if (cardType) info.cardType = cardType[0] ?? 0;
  const cardName = get(0x8b);
  if (cardName) info.cardName = ascii(cardName);
  const receipt = get(0x87);
  if (receipt) info.receiptNo = fromBcd(receipt);
  const tid = get(0x29);
  if (tid) info.terminalId = fromBcd(tid);
  return info;
}

/** Encodes a Status-Information (the terminal's side; the lab uses it). `pan` uses '*' for masked digits. */
export function encodeStatusInformation(info: StatusInformation): Uint8Array {
  const parts: Uint8Array[] = [bmp(0x27, Uint8Array.of(info.resultCode))];
  if (info.amount !== undefined) parts.push(bmp(0x04, toBcd(info.amount, 6)));
  if (info.trace !== undefined) parts.push(bmp(0x0b, toBcd(info.trace, 3)));
  if (info.terminalId !== undefined) parts.push(bmp(0x29, toBcd(info.terminalId, 4)));
  if (info.approvalCode !== undefined) parts.push(bmp(0x3b, Buffer.from(info.approvalCode.padEnd(8, ' ').slice(0, 8), 'latin1')));
  if (info.pan !== undefined) {
    const nibbles = info.pan.replace(/\*/g, 'E') + (info.pan.length % 2 ? 'F' : '');
    parts.push(bmp(0x22, llvar(Uint8Array.from(Buffer.from(nibbles, 'hex')))));
  }
  if (info.receiptNo !== undefined) parts.push(bmp(0x87, toBcd(info.receiptNo, 2)));
  if (info.cardType !== undefined) parts.push(bmp(0x8a, Uint8Array.of(info.cardType)));
  if (info.cardName !== undefined) parts.push(bmp(0x8b, llvar(Buffer.from(`${info.cardName}\0`, 'latin1'))));
  return encodeApdu(0x04, 0x0f, concat(...parts));
}

/** "************1234" -> "****1234": the app never sees more than the last four digits. */
export function maskPan(pan: string | undefined): string {
  const digits = (pan ?? '').replace(/[^0-9]/g, '');
  return `****${digits.slice(-4)}`;
}
