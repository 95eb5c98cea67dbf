/**
 * ESC/POS status bytes (Epson ESC/POS command reference, DLE EOT and GS r).
 * Real-time status bytes have bits 1 and 4 set and bits 0 and 7 clear (0x12 base); GS r replies
 * have bit 4 clear, which is how a host tells the two apart on the same wire.
 */

export type PaperState = 'ok' | 'near_end' | 'out';
export type CoverState = 'closed' | 'open';
export type DrawerState = 'closed' | 'open';

/** ESC p 0 t1 t2: a pulse on drawer kick-out connector pin 2 (on 50 ms, off 500 ms), what cash drawers take. */
export const DRAWER_KICK = Uint8Array.of(0x1b, 0x70, 0x00, 0x19, 0xfa);
/**
 * DLE DC4 1 0 1: the real-time pulse on pin 2 (100 ms). ESC p waits in the buffer while a printer
 * is stopped (paper out, cover open); this one is executed at once, so the drawer still opens.
 */
export const DRAWER_KICK_REALTIME = Uint8Array.of(0x10, 0x14, 0x01, 0x00, 0x01);

/** DLE EOT 4: roll paper sensor status. */
export const DLE_EOT_PAPER = Uint8Array.of(0x10, 0x04, 0x04);
/** DLE EOT 2: offline cause status (cover open, paper end stop, error). */
export const DLE_EOT_OFFLINE = Uint8Array.of(0x10, 0x04, 0x02);
/** DLE EOT 1: printer status. */
export const DLE_EOT_PRINTER = Uint8Array.of(0x10, 0x04, 0x01);

const FIXED = 0x12;

/** True for a byte shaped like a DLE EOT reply. */
export function isRealtimeStatusByte(byte: number): boolean {
  return (byte & 0x93) === FIXED;
}

/** True for a byte shaped like a GS r reply. */
export function isTransmitStatusByte(byte: number): boolean {
  return (byte & 0x90) === 0;
}

/** The reply a printer gives to DLE EOT n. */
export function realtimeStatusByte(n: number, paper: PaperState, cover: CoverState, drawer: DrawerState = 'closed'): number {
  switch (n) {
    case 1: // bit 2: drawer kick-out connector pin 3 high (the drawer's switch: open); bit 3: offline
      return FIXED | (drawer === 'open' ? 0x04 : 0) | (paper === 'out' || cover === 'open' ? 0x08 : 0);
    case 2: // bit 2: cover open; bit 5: printing stopped by paper end; bit 6: error
      return FIXED | (cover === 'open' ? 0x04 : 0) | (paper === 'out' ? 0x20 : 0);
    case 3: // error causes: none emulated
      return FIXED;
    case 4: // bits 2,3: paper near end; bits 5,6: paper end
      return FIXED | (paper === 'near_end' ? 0x0c : 0) | (paper === 'out' ? 0x60 : 0);
    default:
      return FIXED;
  }
}

/** The reply to GS r 1: bits 0,1 near end; bits 2,3 paper end. */
export function transmitPaperStatusByte(paper: PaperState): number {
  return (paper === 'near_end' ? 0x03 : 0) | (paper === 'out' ? 0x0c : 0);
}

export function paperFromSensorByte(byte: number): PaperState {
  if (byte & 0x60) return 'out';
  if (byte & 0x0c) return 'near_end';
  return 'ok';
}

export function coverFromOfflineByte(byte: number): CoverState {
  return byte & 0x04 ? 'open' : 'closed';
}

/** DLE EOT 1 reply: the drawer switch on connector pin 3 (high = open on the usual drawers). */
export function drawerFromPrinterByte(byte: number): DrawerState {
  return byte & 0x04 ? 'open' : 'closed';
}

/** GS a 0x0F: automatic status back on drawer, online/offline, error and paper sensor changes. */
export const ASB_ENABLE = Uint8Array.of(0x1d, 0x61, 0x0f);

/** What an automatic status back (ASB) block says. */
export interface AsbStatus {
  drawer: DrawerState;
  offline: boolean;
  cover: CoverState;
  paper: PaperState;
}

/** The 4 bytes a printer sends by itself when its state changes (ASB enabled). */
export function asbBytes(paper: PaperState, cover: CoverState, drawer: DrawerState): Uint8Array {
  const offline = paper === 'out' || cover === 'open';
  return Uint8Array.of(
    0x10 | (drawer === 'open' ? 0x04 : 0) | (offline ? 0x08 : 0) | (cover === 'open' ? 0x20 : 0),
    0x00,
    (paper === 'near_end' ? 0x03 : 0) | (paper === 'out' ? 0x0c : 0),
    0x00,
  );
}

/** True for the first byte of an ASB block: bits 0, 1 and 7 clear, bit 4 set. */
export function isAsbHeader(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

/**
 * Splits what a printer sends back into ASB blocks and single reply bytes (DLE EOT, GS r). The
 * first byte tells them apart (ASB: 0xx1 xx00; DLE EOT: 0xx1 xx10; GS r: 0xx0 xxxx), and an ASB
 * block may arrive split across chunks.
 */
export class PrinterReplyReader {
  private asb: number[] = [];

  push(chunk: Uint8Array): ({ kind: 'asb'; status: AsbStatus } | { kind: 'byte'; byte: number })[] {
    const out: ({ kind: 'asb'; status: AsbStatus } | { kind: 'byte'; byte: number })[] = [];
    for (const byte of chunk) {
      if (this.asb.length > 0 || isAsbHeader(byte)) {
        this.asb.push(byte);
        if (this.asb.length === 4) {
          const [b1 = 0, , b3 = 0] = this.asb;
          this.asb = [];
          out.push({
            kind: 'asb',
            status: {
              drawer: b1 & 0x04 ? 'open' : 'closed',
              offline: (b1 & 0x08) !== 0,
              cover: b1 & 0x20 ? 'open' : 'closed',
              paper: b3 & 0x0c ? 'out' : b3 & 0x03 ? 'near_end' : 'ok',
            },
          });
        }
      } else out.push({ kind: 'byte', byte });
    }
    return out;
  }

  reset(): void {
    this.asb = [];
  }
}
