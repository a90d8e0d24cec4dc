import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { CONTACTS_PER_ACCOUNT_MAX, type Contact, type ContactInput } from '../../domain/account.ts';
import { AccountContactRecord } from './account-contact.entity.ts';
import { emailKeyOf, phoneKeyOf } from './contact-keys.ts';
import { AccountRecord } from './account.entity.ts';

const toContact = (c: AccountContactRecord): Contact => ({ id: c.id, accountCode: c.accountCode, name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null });
const fieldsOf = (input: ContactInput) => ({
  name: input.name,
  role: input.role ?? null,
  email: input.email ?? null,
  phone: input.phone ?? null,
  emailKey: emailKeyOf(input.email),
  phoneKey: phoneKeyOf(input.phone),
});

export async function listContacts(em: EntityManager, accountCode: string): Promise<Contact[] | null> {
  if (!(await em.findOne(AccountRecord, { code: accountCode }, { fields: ['code'] }))) return null;
  return (await em.find(AccountContactRecord, { accountCode }, { orderBy: { name: 'asc', id: 'asc' } })).map(toContact);
}

export async function addContact(em: EntityManager, accountCode: string, input: ContactInput): Promise<Contact | 'no_account' | 'too_many'> {
  if (!(await em.findOne(AccountRecord, { code: accountCode }, { fields: ['code'] }))) return 'no_account';
  if ((await em.count(AccountContactRecord, { accountCode })) >= CONTACTS_PER_ACCOUNT_MAX) return 'too_many';
  const created = em.create(AccountContactRecord, { id: randomUUID(), accountCode, ...fieldsOf(input) });
  await em.flush();
  return toContact(created);
}

export async function updateContact(em: EntityManager, accountCode: string, id: string, input: ContactInput): Promise<Contact | null> {
  const found = await em.findOne(AccountContactRecord, { id, accountCode });
  if (!found) return null;
  em.assign(found, fieldsOf(input));
  await em.flush();
  return toContact(found);
}

export async function deleteContact(em: EntityManager, accountCode: string, id: string): Promise<boolean> {
  return (await em.nativeDelete(AccountContactRecord, { id, accountCode })) > 0;
}
