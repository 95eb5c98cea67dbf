import type { Central } from '../../fixtures/central/server.ts';
import { waitFor } from './wait-for.ts';
import type { NodeTillClient } from './ws-till-client.ts';

/**
 * Picks an order at a till through the contract (as the desk's scanner would), stages it, and waits
 * until the till has heard back from the centre: its copy is READY at the centre's claim version.
 */
export async function pickAndStage(client: NodeTillClient, central: Central, number: string, codes: readonly string[], stagingLocation: string): Promise<void> {
  await waitFor(`order ${number} at the till`, async () => (await client.invoke('pickup.order', { number })).ok || undefined);
  await client.call('pickup.startPicking', { number });
  for (const code of codes) await client.call('pickup.scan', { code, source: 'manual' });
  await client.call('pickup.ready', { number, stagingLocation });
  await waitFor(`order ${number} ready and synced`, async () => {
    const r = await client.invoke('pickup.order', { number });
    return r.ok && !r.value.syncing && r.value.version === central.admin.onlineOrder(number)?.claimVersion ? true : undefined;
  });
}
