import type { Handlers } from '../api/dispatch.ts';
import type { Reply } from '../api/contract.ts';
import type { pickupMethods } from '../api/pickup-contract.ts';
import type { Result } from '../core/result.ts';
import type { PickupDesk } from './pickup-service.ts';

type PickupMethodName = keyof typeof pickupMethods;

const reply = <T>(r: Result<T>): Reply<T> => (r.ok ? { ok: true, value: r.value } : { ok: false, error: { code: r.code, message: r.message } });

/** The pickup.* methods of the contract, over the desk. */
export function pickupHandlers(desk: PickupDesk): Pick<Handlers, PickupMethodName> {
  return {
    'pickup.list': async () => ({ ok: true, value: desk.list() }),
    'pickup.order': async ({ number }) => reply(desk.order(number)),
    'pickup.attach': async ({ active }) => {
      desk.attached = active;
      return { ok: true, value: {} };
    },
    'pickup.scan': async ({ code }) => ({ ok: true, value: desk.scan(code) }),
    'pickup.startPicking': async ({ number }) => reply(desk.startPicking(number)),
    'pickup.substitute': async ({ number, lineId, barcode }) => reply(desk.substitute(number, lineId, barcode)),
    'pickup.unpick': async ({ number, lineId }) => reply(desk.unpick(number, lineId)),
    'pickup.ready': async ({ number, stagingLocation }) => reply(desk.ready(number, stagingLocation)),
    'pickup.find': async ({ proof }) => reply(desk.find(proof)),
    'pickup.handOut': async ({ number, proof, refusals }) => reply(await desk.handOut(number, proof, refusals)),
    'pickup.putBack': async ({ number }) => reply(desk.putBack(number)),
  };
}
