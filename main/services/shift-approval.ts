import type { StaffRecord } from '../store/staff-repository.ts';
import { verifyPin } from './pin-hash.ts';

/** Roles that may let a cashier leave or close the day with sales not yet synced. */
export const SUPERVISOR_ROLES: readonly string[] = ['supervisor', 'manager'];

/** The supervisor (or manager) whose PIN this is, or null. */
export async function supervisorApproval(staff: readonly StaffRecord[], pin: string | undefined): Promise<StaffRecord | null> {
  if (!pin) return null;
  for (const s of staff) {
    if (SUPERVISOR_ROLES.includes(s.role) && (await verifyPin(pin, s.pinSalt, s.pinHash))) return s;
  }
  return null;
}
