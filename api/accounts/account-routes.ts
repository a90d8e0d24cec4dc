import { z } from 'zod';
import { account, accountCode, accountCredit, accountExposure, accountListQuery, accountPage, accountProfile, contact, contactInput, CONTACTS_PER_ACCOUNT_MAX, ledgerEntry, newAccount, paymentInput } from '../../domain/account.ts';
import { readExposure } from '../../store/accounts/account-exposure.ts';
import { addContact, deleteContact, listContacts, updateContact } from '../../store/accounts/account-contacts.ts';
import { createAccount, findAccount, listAccounts, updateAccount } from '../../store/accounts/accounts.ts';
import { recordPayment } from '../../store/accounts/payments.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { accountImportRoute } from './account-import.ts';

export const ACCOUNTS_PATH = '/accounts';
const codeParams = z.object({ code: accountCode });
const contactParams = z.object({ code: accountCode, contactId: pathId });
const NO_ACCOUNT = { description: 'No account has that code.', schema: errorBody };
const noAccount = (code: string) => notFound(`Account "${code}"`);
/** The value, or the 404 `missing` makes. */
function found<T>(value: T | null, missing: () => UserError): T {
  if (value === null) throw missing();
  return value;
}

/** Customer accounts: read by whoever reads orders; the record kept by order processors and admins, the credit by finance. */
export function accountRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Accounts';
  const existing = async (code: string) => found(await findAccount(em(), code), () => noAccount(code));
  return [
    defineRoute({
      tag,
      access: 'accounts.read',
      method: 'get',
      path: ACCOUNTS_PATH,
      operationId: 'listAccounts',
      summary: 'Customer accounts, by code',
      query: accountListQuery,
      responses: { 200: { description: 'A page of accounts with their credit exposure.', schema: accountPage }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json(await listAccounts(em(), query)),
    }),
    defineRoute({
      tag,
      access: 'accounts.manage',
      method: 'post',
      path: ACCOUNTS_PATH,
      operationId: 'createAccount',
      summary: 'Adding a customer account',
      body: newAccount,
      responses: {
        201: { description: 'Added: prepaid, with no credit until finance sets its terms and limit.', schema: account },
        409: { description: 'An account has that code already.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => {
        if (!(await createAccount(em(), body, actorOf(principal)))) throw new UserError(409, 'conflict', `An account with the code "${body.code}" exists already: open it to change it.`);
        return c.json(await existing(body.code), 201);
      },
    }),
    defineRoute({
      tag,
      access: 'accounts.read',
      method: 'get',
      path: `${ACCOUNTS_PATH}/:code`,
      operationId: 'getAccount',
      summary: 'One customer account',
      params: codeParams,
      responses: { 200: { description: 'The account with its credit exposure.', schema: account }, 404: NO_ACCOUNT, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(await existing(params.code)),
    }),
    defineRoute({
      tag,
      access: 'accounts.manage',
      method: 'put',
      path: `${ACCOUNTS_PATH}/:code`,
      operationId: 'updateAccount',
      summary: "Changing an account's name, tier or major-account flag",
      params: codeParams,
      body: accountProfile,
      responses: { 200: { description: 'Changed, and audited; open orders of the account take a new tier.', schema: account }, 404: NO_ACCOUNT, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        if (!(await updateAccount(em(), params.code, body, actorOf(principal), 'account_changed'))) throw noAccount(params.code);
        return c.json(await existing(params.code));
      },
    }),
    defineRoute({
      tag,
      access: 'accounts.credit',
      method: 'put',
      path: `${ACCOUNTS_PATH}/:code/credit`,
      operationId: 'setAccountCredit',
      summary: "Setting an account's payment terms and credit limit",
      params: codeParams,
      body: accountCredit,
      responses: { 200: { description: 'Set, and audited with the figures before.', schema: account }, 404: NO_ACCOUNT, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => {
        if (!(await updateAccount(em(), params.code, body, actorOf(principal), 'account_credit_changed'))) throw noAccount(params.code);
        return c.json(await existing(params.code));
      },
    }),
    defineRoute({
      tag,
      access: 'accounts.read',
      method: 'get',
      path: `${ACCOUNTS_PATH}/:code/exposure`,
      operationId: 'getAccountExposure',
      summary: "What an account owes and has on order, part by part",
      params: codeParams,
      responses: { 200: { description: 'Open orders, invoiced, paid, credited, the receivable, the exposure and the credit left.', schema: accountExposure }, 404: NO_ACCOUNT, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json(found(await readExposure(em(), params.code), () => noAccount(params.code))),
    }),
    defineRoute({
      tag,
      access: 'accounts.credit',
      method: 'post',
      path: `${ACCOUNTS_PATH}/:code/payments`,
      operationId: 'recordAccountPayment',
      summary: 'Recording a payment received from a customer',
      params: codeParams,
      body: paymentInput,
      responses: {
        201: { description: "Recorded on the account's ledger: its receivable and exposure go down by the amount.", schema: ledgerEntry },
        404: NO_ACCOUNT,
        409: { description: 'A payment with that reference is on the account already.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => {
        const recorded = await recordPayment(em(), params.code, body, actorOf(principal));
        if (recorded === 'no_account') throw noAccount(params.code);
        if (recorded === 'duplicate') throw new UserError(409, 'conflict', `A payment with the reference "${body.reference}" is on this account already: a payment is recorded once.`);
        return c.json(recorded, 201);
      },
    }),
    defineRoute({
      tag,
      access: 'accounts.read',
      method: 'get',
      path: `${ACCOUNTS_PATH}/:code/contacts`,
      operationId: 'listAccountContacts',
      summary: "An account's contacts",
      params: codeParams,
      responses: { 200: { description: 'The contacts, by name.', schema: z.object({ contacts: z.array(contact) }) }, 404: NO_ACCOUNT, ...STANDARD_ERRORS },
      handler: async (c, { params }) => c.json({ contacts: found(await listContacts(em(), params.code), () => noAccount(params.code)) }),
    }),
    defineRoute({
      tag,
      access: 'accounts.manage',
      method: 'post',
      path: `${ACCOUNTS_PATH}/:code/contacts`,
      operationId: 'addAccountContact',
      summary: 'Adding a contact to an account',
      params: codeParams,
      body: contactInput,
      responses: { 201: { description: 'Added.', schema: contact }, 404: NO_ACCOUNT, 409: { description: `The account has ${CONTACTS_PER_ACCOUNT_MAX} contacts, the most it keeps.`, schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => {
        const added = await addContact(em(), params.code, body);
        if (added === 'no_account') throw noAccount(params.code);
        if (added === 'too_many') throw new UserError(409, 'conflict', `The account has ${CONTACTS_PER_ACCOUNT_MAX} contacts, the most it keeps: remove one who has left first.`);
        return c.json(added, 201);
      },
    }),
    defineRoute({
      tag,
      access: 'accounts.manage',
      method: 'put',
      path: `${ACCOUNTS_PATH}/:code/contacts/:contactId`,
      operationId: 'updateAccountContact',
      summary: "Changing an account's contact",
      params: contactParams,
      body: contactInput,
      responses: { 200: { description: 'Changed.', schema: contact }, 404: { description: 'The account has no such contact.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => c.json(found(await updateContact(em(), params.code, params.contactId, body), () => notFound(`Contact ${params.contactId} of account "${params.code}"`))),
    }),
    defineRoute({
      tag,
      access: 'accounts.manage',
      method: 'delete',
      path: `${ACCOUNTS_PATH}/:code/contacts/:contactId`,
      operationId: 'deleteAccountContact',
      summary: "Removing an account's contact",
      params: contactParams,
      responses: { 204: { description: 'Removed.' }, 404: { description: 'The account has no such contact.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        if (!(await deleteContact(em(), params.code, params.contactId))) throw notFound(`Contact ${params.contactId} of account "${params.code}"`);
        return c.body(null, 204);
      },
    }),
    accountImportRoute(deps),
  ];
}
