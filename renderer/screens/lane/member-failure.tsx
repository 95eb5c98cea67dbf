import type { ApiError } from '../../../main/api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Why a loyalty action did not go through, with the host's detail (the cap, the balance). */
export function MemberFailure({ failure }: { failure: ApiError }) {
  const { error } = useI18n();
  return (
    <p role="alert" className="tool-error">
      {error(failure, failure.code.startsWith('redeem_') || failure.code.startsWith('points_'))}
    </p>
  );
}
