import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCentral, type Central } from '../../fixtures/central/server.ts';
import { startLab, type Lab } from '../../drivers/lab/lab.ts';
import { demoTillConfig } from '../../fixtures/demo/demo-till-config.ts';
import type { TillConfigInput } from '../../main/services/till-config.ts';
import type { DemoTill } from '../../fixtures/demo-store/store.ts';
import { startHostProcess, type RunningHost } from './host-process.ts';
import { NodeTillClient } from './ws-till-client.ts';
import { waitFor } from './wait-for.ts';

/** One till on real parts: a data dir on disk, the central server and the lab on loopback, the host in its own process. */
export interface TillRig {
  readonly dataDir: string;
  readonly central: Central;
  readonly lab: Lab;
  host: RunningHost;
  readonly config: TillConfigInput;
  restartHost(): Promise<RunningHost>;
  /** Waits until the host has pulled staff and catalog, so a PIN works and scans ring. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export async function startTillRig(options: {
  centralPort?: number;
  startCentral?: boolean;
  /** Over the demo till's configuration (a kiosk's role, its idle times). */
  config?: Partial<TillConfigInput>;
  /** Another till's central server (several tills of a store on one centre); the rig then leaves it running. */
  central?: Central;
  /** Which demo till this is (default the store's first). */
  till?: DemoTill;
  /** Which of the lab's endpoints the till uses for a device (e.g. its HID POS scanner instead of the TCP one). */
  endpoints?: (lab: Lab) => Partial<Lab['endpoints']>;
} = {}): Promise<TillRig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'till-e2e-'));
  const shared = options.central;
  const central = shared ?? (await startCentral({ dbPath: path.join(dataDir, 'central.db'), port: options.centralPort ?? 0 }));
  const lab = await startLab({});
  // Playwright types a wedge scan key by key; on a loaded 2-core CI machine gaps of 50 ms happen,
  // so the test tills allow 200 ms (tests type into fields with fill(), which sends no keys).
  const config: TillConfigInput = { ...demoTillConfig({ centralUrl: central.url, endpoints: { ...lab.endpoints, ...options.endpoints?.(lab) }, pollIntervalMs: 500, wedgeInterKeyMs: 200, ...(options.till ? { till: options.till } : {}) }), ...options.config };
  const rig: TillRig = {
    dataDir,
    central,
    lab,
    host: await startHostProcess(dataDir, config),
    config,
    async restartHost() {
      await rig.host.kill('SIGTERM');
      rig.host = await startHostProcess(dataDir, config);
      return rig.host;
    },
    async ready() {
      const client = await NodeTillClient.connect(rig.host.url);
      try {
        await waitFor('the first catalog and staff pull', async () => {
          const s = await client.call('till.status', {});
          return s.sync.lastPullAt !== null;
        });
      } finally {
        client.close();
      }
    },
    async close() {
      await rig.host.kill('SIGTERM');
      await lab.close();
      if (!shared) await central.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}
