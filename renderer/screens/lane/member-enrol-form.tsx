import { useState, type FormEvent } from 'react';
import type { ApiError, MemberHitView } from '../../../main/api/contract.ts';
import type { TillClient } from '../../../main/api/till-client.ts';
import { KeyButton } from '../../components/key-button.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberFailure } from './member-failure.tsx';

interface Props {
  readonly client: TillClient;
  readonly onEnrolled: (member: MemberHitView) => void;
}

/**
 * Enrolment at the counter: the customer agrees to the terms (required) and, as a separate choice,
 * to marketing; nothing is ticked for them. Works offline: the centre gets it when it can.
 */
export function MemberEnrolForm({ client, onEnrolled }: Props) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [terms, setTerms] = useState(false);
  const [marketing, setMarketing] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const reply = await client.invoke('member.enrol', { phone, name, termsAccepted: terms, marketing });
    if (reply.ok) onEnrolled(reply.value);
    else setFailure(reply.error);
  };

  return (
    <form className="member-enrol" aria-label={t('enrol.title')} onSubmit={(e) => void submit(e)} data-wedge="off">
      <label>
        {t('enrol.phone')}
        <input inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      <label>
        {t('enrol.name')}
        <input autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="consent">
        <input type="checkbox" checked={terms} onChange={(e) => setTerms(e.target.checked)} />
        {t('enrol.terms')}
      </label>
      <label className="consent">
        <input type="checkbox" checked={marketing} onChange={(e) => setMarketing(e.target.checked)} />
        {t('enrol.marketing')}
      </label>
      <KeyButton type="submit" className="primary">
        {t('enrol.confirm')}
      </KeyButton>
      {failure ? <MemberFailure failure={failure} /> : null}
    </form>
  );
}
