import type { Handlers } from '../api/dispatch.ts';
import type { Reply, StaffView } from '../api/contract.ts';
import type { devicesMethods, DeviceEndpointsView, DeviceScanView } from '../api/devices-contract.ts';
import type { Clock, TillIdentity } from '../core/ports.ts';
import type { Scan } from '../../drivers/scanner/types.ts';
import type { PrintDocument } from '../../drivers/printer/types.ts';
import { discoverHid, discoverSerial } from '../../drivers/discovery.ts';
import { centredRow, displayRow } from '../../drivers/display/protocol/escpos-display.ts';
import { saveDeviceEndpoint } from './device-config-file.ts';
import type { PoleDisplayFeed } from './pole-display.ts';
import { SUPERVISOR_ROLES } from './shift-approval.ts';
import { validateEndpoint, type ConfigurableDevice, type TillDevices } from './till-devices.ts';

type DevicesMethodName = keyof typeof devicesMethods;

export const DEVICES_MESSAGES = {
  notSignedIn: 'sign in to use the devices screen',
  supervisorOnly: 'a supervisor or manager changes device endpoints',
  noPrinter: 'no receipt printer is configured',
  scanTimeout: (s: number) => `no scan came in ${s} s`,
  scanBusy: 'the devices screen is already waiting for a scan',
  scanCanceled: 'stopped waiting for a scan',
  savedForRestart: (kind: string) => `saved; the ${kind} was not configured when the till started, so it is used from the next start`,
} as const;

export interface DevicesDeskDeps {
  readonly devices: TillDevices;
  readonly display: PoleDisplayFeed;
  readonly endpoints: Partial<Record<ConfigurableDevice, string>>;
  readonly dataDir: string;
  readonly identity: TillIdentity;
  readonly clock: Clock;
  readonly signedIn: () => StaffView | null;
}

const fail = (code: string, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/**
 * The devices screen's use cases: tests per device, "scan now", and a supervisor changing an
 * endpoint (validated, saved in the data directory, the device reopened without a restart).
 */
export class DevicesDesk {
  private readonly endpoints: Partial<Record<ConfigurableDevice, string>>;
  private waiter: ((scan: Scan | null) => void) | undefined;

  constructor(private readonly deps: DevicesDeskDeps) {
    this.endpoints = { ...deps.endpoints };
  }

  /** Called for each device scan first: true when "scan now" took it (it then rings nothing). */
  takeScan(scan: Scan): boolean {
    const waiter = this.waiter;
    if (!waiter) return false;
    this.waiter = undefined;
    waiter(scan);
    return true;
  }

  view(): DeviceEndpointsView {
    const e = this.endpoints;
    return { printer: e.printer ?? null, scanner: e.scanner ?? null, payment: e.payment ?? null, display: e.display ?? null };
  }

  testPage(): PrintDocument {
    const { identity, clock } = this.deps;
    return {
      blocks: [
        { kind: 'text', text: '테스트 페이지 / TEST PAGE', align: 'center', bold: true },
        { kind: 'text', text: `${identity.storeName} · POS ${identity.tillNumber}`, align: 'center' },
        { kind: 'text', text: clock.now().toISOString(), align: 'center' },
        { kind: 'rule' },
        { kind: 'text', text: `printer: ${this.endpoints.printer ?? '-'}` },
        { kind: 'columns', left: '한글 출력 확인', right: '1,234원' },
        { kind: 'barcode', data: '0001-01-000000' },
        { kind: 'feed', lines: 1 },
      ],
    };
  }

  handlers(): Pick<Handlers, DevicesMethodName> {
    const { devices, display } = this.deps;
    return {
      'devices.endpoints': async () => {
        const who = this.deps.signedIn();
        return { ok: true, value: { endpoints: this.view(), canConfigure: who !== null && SUPERVISOR_ROLES.includes(who.role) } };
      },
      'devices.discover': async () => {
        const [hid, serial] = await Promise.all([discoverHid(), discoverSerial()]);
        const view = <T>(d: { available: boolean; items: T[]; message?: string }) => ({ available: d.available, message: d.message ?? null, items: d.items });
        return { ok: true, value: { hid: view(hid), serial: view(serial) } };
      },
      'devices.test': async ({ action }) => {
        if (!this.deps.signedIn()) return fail('not_signed_in', DEVICES_MESSAGES.notSignedIn);
        if (action === 'displayTest') {
          const r = await display.show(displayRow('TEST 테스트', '1,234'), centredRow(`POS ${this.deps.identity.tillNumber} OK`));
          return r.ok ? { ok: true, value: { done: true } } : fail('device_failed', r.message);
        }
        const printer = devices.printer;
        if (!printer) return fail('device_failed', DEVICES_MESSAGES.noPrinter);
        const r = action === 'printTestPage' ? await printer.print(this.testPage()) : await printer.openDrawer();
        return r.ok ? { ok: true, value: { done: true } } : fail('device_failed', r.message);
      },
      'devices.scanNext': async ({ timeoutMs }) => {
        if (!this.deps.signedIn()) return fail('not_signed_in', DEVICES_MESSAGES.notSignedIn);
        if (this.waiter) return fail('scan_busy', DEVICES_MESSAGES.scanBusy);
        let canceled = false;
        const scan = await new Promise<Scan | null>((resolve) => {
          const timer = setTimeout(() => {
            this.waiter = undefined;
            resolve(null);
          }, timeoutMs);
          this.waiter = (s) => {
            clearTimeout(timer);
            canceled = s === null;
            resolve(s);
          };
        });
        if (canceled) return fail('scan_canceled', DEVICES_MESSAGES.scanCanceled);
        if (!scan) return fail('scan_timeout', DEVICES_MESSAGES.scanTimeout(Math.round(timeoutMs / 1000)));
        const value: DeviceScanView = { data: scan.data, symbology: scan.symbology ?? null, source: scan.source };
        return { ok: true, value };
      },
      'devices.scanCancel': async () => {
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter?.(null);
        return { ok: true, value: { canceled: waiter !== undefined } };
      },
      'devices.configure': async ({ device, endpoint }) => {
        const who = this.deps.signedIn();
        if (!who) return fail('not_signed_in', DEVICES_MESSAGES.notSignedIn);
        if (!SUPERVISOR_ROLES.includes(who.role)) return fail('approval_required', DEVICES_MESSAGES.supervisorOnly);
        const invalid = validateEndpoint(device, endpoint);
        if (invalid) return fail('endpoint_invalid', invalid);
        saveDeviceEndpoint(this.deps.dataDir, device, endpoint);
        this.endpoints[device] = endpoint;
        const { applied } = await devices.reopen(device, endpoint);
        if (applied && device === 'display') display.refresh();
        return { ok: true, value: { endpoint, applied } };
      },
    };
  }
}
