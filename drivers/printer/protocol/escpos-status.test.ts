import { describe, expect, it } from 'vitest';
import {
  coverFromOfflineByte,
  isRealtimeStatusByte,
  isTransmitStatusByte,
  paperFromSensorByte,
  realtimeStatusByte,
  transmitPaperStatusByte, DRAWER_KICK, DRAWER_KICK_REALTIME, drawerFromPrinterByte } from './escpos-status.ts';

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
});
