/**
 * member_lookup_p95_ms: a member found on the till by full phone number or by its last four
 * digits, with a region of `count` members in catalog.db (DESIGN.md budget: p95 <= 20 ms).
 * Measured through the host's own path (MemberService.lookup over SqliteMembers): the query read,
 * the phone hashed, the indexed lookups, the masked hits made.
 */
import path from 'node:path';
import { openTillDatabases } from '../main/store/database.ts';
import { SqliteMembers, memberPhoneHash } from '../main/store/member-repository.ts';
import type { MemberRecord } from '../main/core/loyalty/member.ts';
import { MemberService } from '../main/services/member-service.ts';
import { KOREAN_VAT } from '../main/core/tax.ts';

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'];
const SYLLABLES = ['민', '서', '지', '은', '현', '수', '영', '준', '하', '윤', '진', '아'];

/** The k-th generated member: a distinct 010 number, so last-four groups hold about count / 10,000 each. */
export function generatedMember(k: number): MemberRecord & { readonly phone: string } {
  const phone = `010${String((k * 7_919 + 10_000_000) % 100_000_000).padStart(8, '0')}`;
  const name = `${SURNAMES[k % SURNAMES.length] ?? ''}*${SYLLABLES[(k >> 3) % SYLLABLES.length] ?? ''}`;
  return {
    id: `mem-${k}`, phone, phoneHash: memberPhoneHash(phone), phoneLastFour: phone.slice(-4), maskedName: name,
    tier: k % 10 === 0 ? 'GOLD' : 'BASIC', pointsBalance: k % 5_000, balanceVersion: 1, tokenHash: null,
  };
}

export async function measureMemberLookup(dir: string, count: number, lookups = 10_000): Promise<{ times: number[]; note: string }> {
  const dbs = openTillDatabases(path.join(dir, 'members'));
  try {
    const members = new SqliteMembers(dbs.catalog);
    const t0 = performance.now();
    const batch = 50_000;
    for (let from = 0; from < count; from += batch) {
      const upTo = Math.min(count, from + batch);
      members.load((function* () {
        for (let k = from; k < upTo; k++) yield generatedMember(k);
      })());
    }
    dbs.catalog.exec('ANALYZE');
    const loadS = (performance.now() - t0) / 1000;
    const service = new MemberService({
      members, lane: () => { throw new Error('no lane in the bench'); }, client: { claimPoints: () => Promise.reject(new Error('offline')) },
      config: { get: () => undefined }, online: () => false, rules: KOREAN_VAT, clock: { now: () => new Date() }, ids: { newId: () => 'x' },
    });
    // Half by full number (found once), half by last four (a short list of masked names).
    const queries = Array.from({ length: lookups }, (_, i) => {
      const m = generatedMember((i * 104_729) % count);
      return i % 2 === 0 ? `${m.phone.slice(0, 3)}-${m.phone.slice(3, 7)}-${m.phone.slice(7)}` : m.phoneLastFour;
    });
    for (const q of queries.slice(0, 500)) service.lookup(q); // warm the page cache
    let found = 0;
    const times: number[] = [];
    for (const q of queries) {
      const t = process.hrtime.bigint();
      const r = service.lookup(q);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.ok) found += r.value.length;
    }
    return { times, note: `${count} members loaded in ${loadS.toFixed(1)} s; ${lookups} lookups (half full number, half last four), ${found} hits` };
  } finally {
    dbs.close();
  }
}
