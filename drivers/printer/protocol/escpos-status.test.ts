import { describe, expect, it } from 'vitest';
import {
  coverFromOfflineByte,
  isRealtimeStatusByte,
  isTransmitStatusByte,
  paperFromSensorByte,
  realtimeStatusByte,
  transmitPaperStatusByte, ASB_ENABLE, DRAWER_KICK, DRAWER_KICK_REALTIME, PrinterReplyReader, asbBytes, drawerFromPrinterByte } from './escpos-status.ts';

describe('ESC/POS status bytes', () => {
  it('answers DLE EOT 4 with 0x12 when the paper is fine and 0x72 when it ran out', () => {
    expect(realtimeStatusByte(4, 'ok', 'closed')).toBe(0x12);
    expect(realtimeStatusByte(4, 'out', 'closed')).toBe(0x72);
    expect(realtimeStatusByte(4, 'near_end', 'closed')).toBe(0x1e);
  });

  it('answers DLE EOT 2 with bit 2 set when the cover is open', () => {
    expect(realtimeStatusByte(2, 'ok', 'closed')).toBe(0x12);
    expect(realtimeStatusByte(2, 'ok', 'open')).toBe(0x16);
  });

  it('reads paper and cover back from the reply bytes', () => {
    expect(paperFromSensorByte(0x12)).toBe('ok');
    expect(paperFromSensorByte(0x1e)).toBe('near_end');
    expect(paperFromSensorByte(0x72)).toBe('out');
    expect(coverFromOfflineByte(0x16)).toBe('open');
    expect(coverFromOfflineByte(0x12)).toBe('closed');
  });

  it('tells a real-time reply from a GS r reply', () => {
    expect(isRealtimeStatusByte(0x72)).toBe(true);
    expect(isTransmitStatusByte(0x72)).toBe(false);
    expect(isTransmitStatusByte(transmitPaperStatusByte('ok'))).toBe(true);
    expect(isRealtimeStatusByte(transmitPaperStatusByte('out'))).toBe(false);
  });

  it('reports the drawer switch in DLE EOT 1 bit 2, and kicks the drawer with ESC p or the real-time DLE DC4 1', () => {
    expect(realtimeStatusByte(1, 'ok', 'closed', 'open')).toBe(0x16);
    expect(realtimeStatusByte(1, 'out', 'closed', 'closed')).toBe(0x1a);
    expect(drawerFromPrinterByte(0x16)).toBe('open');
    expect(drawerFromPrinterByte(0x12)).toBe('closed');
    expect(Buffer.from(DRAWER_KICK).toString('hex')).toBe('1b700019fa');
    expect(Buffer.from(DRAWER_KICK_REALTIME).toString('hex')).toBe('1014010001');
  });

  it('reads automatic status back blocks (GS a) apart from DLE EOT and GS r replies, also split across chunks', () => {
    const reader = new PrinterReplyReader();
    expect(Buffer.from(asbBytes('out', 'closed', 'closed')).toString('hex')).toBe('18000c00');
    expect(Buffer.from(asbBytes('near_end', 'open', 'open')).toString('hex')).toBe('3c000300');
    expect(reader.push(Uint8Array.of(0x12, 0x18, 0x00))).toEqual([{ kind: 'byte', byte: 0x12 }]);
    expect(reader.push(Uint8Array.of(0x0c, 0x00, 0x00))).toEqual([
      { kind: 'asb', status: { drawer: 'closed', offline: true, cover: 'closed', paper: 'out' } },
      { kind: 'byte', byte: 0x00 },
    ]);
    expect(reader.push(asbBytes('near_end', 'open', 'open'))).toEqual([{ kind: 'asb', status: { drawer: 'open', offline: true, cover: 'open', paper: 'near_end' } }]);
    expect(reader.push(asbBytes('ok', 'closed', 'closed'))).toEqual([{ kind: 'asb', status: { drawer: 'closed', offline: false, cover: 'closed', paper: 'ok' } }]);
    expect(Buffer.from(ASB_ENABLE).toString('hex')).toBe('1d610f');
  });
});
