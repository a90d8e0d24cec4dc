import { describe, expect, it } from 'vitest';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { listOrders } from '../order-list.ts';
import { OrderRecord } from '../order.entity.ts';
import { addContact } from './account-contacts.ts';
import { AccountRecord } from './account.entity.ts';
import { emailKeyOf, phoneKeyOf } from './contact-keys.ts';

/** Customer service's one search box finds a caller's orders by the email or phone of a contact of their account. */
describe('finding orders by a contact\'s email or phone', () => {
  const store = useTempStore();

  const seed = async () => {
    const em = store().em.fork();
    if ((await em.count(OrderRecord)) > 0) return;
    for (const code of ['ACME', 'GLOBEX']) em.create(AccountRecord, { code, name: code } as never);
    ['ACME', 'ACME', 'GLOBEX'].forEach((account, i) =>
      em.create(OrderRecord, {
        id: `o-${i}`, reference: `R-${i}`, account, kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(3)), workAreaId: 'pick-a',
        lines: [{ sku: 'A', qty: 1, price: 1 }], paymentMode: 'prepaid', state: 'queued', parentId: null, priorityScore: null,
      }),
    );
    await em.flush();
    await addContact(store().em.fork(), 'ACME', { name: 'Ann Buyer', email: 'Ann.Buyer@Acme.example', phone: '+44 (20) 7946-0000' });
    await addContact(store().em.fork(), 'GLOBEX', { name: 'Gus', email: 'gus@globex.example', phone: '0044 20 7946 1111' });
  };

  it.each<[string, string, string[]]>([
    ['an email in another case', 'ann.buyer@ACME.example', ['o-0', 'o-1']],
    ['an email with spaces around it', '  gus@globex.example ', ['o-2']],
    ['a phone written differently', '44 20 7946 0000', ['o-0', 'o-1']],
    ['a phone as its digits', '00442079461111', ['o-2']],
    ['not part of an email', 'ann.buyer@', []],
    ['not part of a phone', '7946', []],
  ])('finds by %s', async (_, q, expected) => {
    await seed();
    const { orders } = await listOrders(store().em.fork(), { q: q.trim() });
    expect(orders.map((o) => o.id).sort()).toEqual(expected);
  });

  it.each([
    ['+44 (20) 7946-0000', '442079460000'],
    ['020/7946.0000', '02079460000'],
    ['', null],
  ])('keys phone %s as %s', (phone, key) => {
    expect(phoneKeyOf(phone)).toBe(key);
  });

  it('keys an email by its ASCII letters in lower case', () => {
    expect(emailKeyOf(' Ann.Buyer@Acme.EXAMPLE ')).toBe('ann.buyer@acme.example');
  });
});
