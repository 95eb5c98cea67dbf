import { z } from 'zod';
import type { CentralCall, CentralResult } from './central-client.ts';
import { operations } from './operations.ts';

/** A kiosk's open staff call as the store's staff tills see it. */
export interface StaffCallNotice {
  readonly id: string;
  readonly tillId: string;
  readonly tillNumber: string;
  readonly reason: string;
  readonly raisedAt: string;
}

const notice = z.object({ id: z.string().min(1), tillId: z.string().min(1), tillNumber: z.string(), reason: z.string(), raisedAt: z.string() });

/** Staff calls are online-only notices: the kiosk raises and closes them, staff tills list the open ones. */
export function createStaffCallClient(call: CentralCall) {
  return {
    async raise(input: { id: string; reason: string; raisedAt: string }): Promise<CentralResult<boolean>> {
      const r = await call(operations.raiseStaffCall, { input }, z.object({ raiseStaffCall: z.boolean() }));
      return r.ok ? { ok: true, value: r.value.raiseStaffCall } : r;
    },
    async close(id: string, outcome: string): Promise<CentralResult<boolean>> {
      const r = await call(operations.closeStaffCall, { id, outcome }, z.object({ closeStaffCall: z.boolean() }));
      return r.ok ? { ok: true, value: r.value.closeStaffCall } : r;
    },
    async open(): Promise<CentralResult<StaffCallNotice[]>> {
      const r = await call(operations.openStaffCalls, {}, z.object({ openStaffCalls: z.array(notice) }));
      return r.ok ? { ok: true, value: r.value.openStaffCalls } : r;
    },
  };
}

export type StaffCallClient = ReturnType<typeof createStaffCallClient>;
