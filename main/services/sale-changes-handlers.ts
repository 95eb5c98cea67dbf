import type { Handlers } from '../api/dispatch.ts';
import type { TrainingView } from '../api/sale-changes-contract.ts';
import type { Result } from '../core/result.ts';
import type { TrainingState } from '../core/training.ts';
import type { StaffRecord } from '../store/staff-repository.ts';
import type { Lane } from './lane.ts';
import type { PostVoidService } from './post-void-service.ts';
import { supervisorApproval } from './shift-approval.ts';

type SaleChangesMethods = Pick<Handlers, 'postVoid.find' | 'postVoid.commit' | 'training.status' | 'training.set'>;

const reply = <T>(r: Result<T>) => (r.ok ? { ok: true as const, value: r.value } : { ok: false as const, error: { code: r.code, message: r.message } });
const refuse = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

export const SALE_CHANGES_MESSAGES = {
  notSignedIn: 'sign in with a staff PIN first',
  supervisorRequired: 'training mode is switched by a supervisor\'s or a manager\'s PIN',
  pinWrong: 'that PIN is not a supervisor\'s or a manager\'s: a cashier cannot switch training mode',
  voidInTraining: 'a post-void moves real money: switch training mode off first',
} as const;

export const trainingView = (s: TrainingState | null): TrainingView => ({ on: s !== null, staffId: s?.staffId ?? null, approvedBy: s?.approvedBy ?? null });

/** Post-void and training mode's contract methods (spread into the host's handlers). */
export function saleChangesHandlers(deps: { postVoids: PostVoidService; lane: Lane; staff: { list(): readonly StaffRecord[] } }): SaleChangesMethods {
  return {
    'postVoid.find': async ({ receiptNumber }) => reply(await deps.postVoids.find(receiptNumber)),
    'postVoid.commit': async (input) => {
      if (deps.lane.training()) return refuse('training_unsupported', SALE_CHANGES_MESSAGES.voidInTraining);
      return reply(await deps.postVoids.commit(input));
    },
    'training.status': async () => ({ ok: true, value: trainingView(deps.lane.training()) }),
    'training.set': async ({ on, supervisorPin }) => {
      if (!deps.lane.signedIn) return refuse('not_signed_in', SALE_CHANGES_MESSAGES.notSignedIn);
      if (!supervisorPin) return refuse('supervisor_pin_required', SALE_CHANGES_MESSAGES.supervisorRequired);
      const approver = await supervisorApproval(deps.staff.list(), supervisorPin);
      if (!approver) return refuse('not_supervisor', SALE_CHANGES_MESSAGES.pinWrong);
      const r = await deps.lane.setTraining(on, { id: approver.id, role: approver.role });
      return r.ok ? { ok: true, value: trainingView(r.value) } : reply(r);
    },
  };
}
