import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../fixtures/central/server.ts';
import { DEMO_ADMIN_TOKEN, demoTills } from '../fixtures/demo-store/store.ts';
import { openTillDatabases, type TillDatabases } from '../main/store/database.ts';
import { SqliteMembers } from '../main/store/member-repository.ts';
import { tempDataDir } from '../main/store/test-helpers.ts';
import { createCentralCall } from './central-client.ts';
import { createLoyaltyClient, type LoyaltyClient, pullCoupons, pullMembers } from './loyalty-client.ts';

// The member and coupon streams from the reference central server into the till's catalog.db:
// lookup then works offline, by full phone, last four digits or app token, with masked data only.
let central: Central;
let client: LoyaltyClient;
let dbs: TillDatabases;
let cleanup: () => void;
let members: SqliteMembers;

async function admin(query: string, variables: Record<string, unknown>): Promise<{ errors: { message: string }[] }> {
  const res = await fetch(central.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: { message: string }[] };
  return { errors: body.errors ?? [] };
}

beforeEach(async () => {
  central = await startCentral({ dbPath: ':memory:' });
  client = createLoyaltyClient(createCentralCall({ endpoint: central.url, token: demoTills[0]?.token ?? '' }));
  const t = tempDataDir('loyalty-');
  cleanup = t.cleanup;
  dbs = openTillDatabases(t.dir);
  members = new SqliteMembers(dbs.catalog);
});
afterEach(async () => {
  dbs.close();
  cleanup();
  await central.close();
});

describe('the member and coupon streams', () => {
  it('bring the region\'s members to the till, found offline by phone, last four digits and app token', async () => {
    expect(await pullMembers(client, members)).toMatchObject({ stream: 'member', items: 4, reset: false });
    expect(members.findByPhone('010-1234-5678').map((m) => m.maskedName)).toEqual(['김*지']);
    expect(members.findByLastFour('5678').map((m) => m.maskedName)).toEqual(['김*지', '박*수']);
    expect(members.findByToken('M1:demo-seoyeon-91cd').map((m) => m.id)).toEqual(['mem-demo-0003']);
    expect(members.findByPhone('010-5555-5678')).toEqual([]); // Busan's member is not on a Seoul till
    // Nothing that names or calls the member is kept: no full number, no full name, anywhere in the table.
    const dump = JSON.stringify(dbs.catalog.prepare('SELECT * FROM member').all());
    expect(dump).not.toMatch(/김민지|01012345678|1234-5678/);
  });

  it('keep the cursor: a new member arrives on the next pull, and a coupon with its rule', async () => {
    await pullMembers(client, members);
    const r = await admin('mutation ($i: CreateMemberInput!) { createMember(input: $i) }', {
      i: { id: 'mem-new', region: 'seoul', phone: '010-7777-8888', name: '정하늘', termsVersion: 't1', marketing: false },
    });
    expect(r.errors).toEqual([]);
    expect(await pullMembers(client, members)).toMatchObject({ items: 1 });
    expect(members.findByLastFour('8888')).toMatchObject([{ id: 'mem-new', maskedName: '정*늘', tier: 'BASIC', pointsBalance: 0 }]);

    expect(await pullCoupons(client, members)).toMatchObject({ stream: 'coupon', items: 1 });
    expect(members.coupons('mem-demo-0001')).toMatchObject([{ id: 'cpn-demo-0001', rule: { kind: 'basket_threshold', minTotal: 20_000, amountOff: 3_000 }, used: false }]);
  });

  it('never apply a coupon whose rule makes no sense, and keep the rest', async () => {
    const issue = 'mutation ($i: IssueCouponInput!) { issueCoupon(input: $i) }';
    expect((await admin(issue, { i: { id: 'c-bad', memberId: 'mem-demo-0002', nameKo: '이상한 쿠폰', rule: JSON.stringify({ kind: 'basket_threshold', minTotal: 100, amountOff: 5000 }) } })).errors).toEqual([]);
    expect((await admin(issue, { i: { id: 'c-ok', memberId: 'mem-demo-0002', nameKo: '10% 쿠폰', rule: JSON.stringify({ kind: 'basket_percent', percentBps: 1000, minTotal: 0 }) } })).errors).toEqual([]);
    await pullCoupons(client, members);
    expect(members.coupons('mem-demo-0002').map((c) => c.id)).toEqual(['c-ok']);
  });
});
