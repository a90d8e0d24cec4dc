import { Migration } from '@mikro-orm/migrations';

export class Migration20261206222450_accounts extends Migration {

  override name = 'Migration20261206222450_accounts';

  override up(): void | Promise<void> {
    this.addSql(`create table "account_contacts" ("id" varchar not null, "account_code" varchar not null, "name" varchar not null, "role" varchar null, "email" varchar null, "phone" varchar null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "account_contacts_account_code_index" on "account_contacts" ("account_code");`);

    this.addSql(`create table "account_ledger" ("id" varchar not null, "account_code" varchar not null, "kind" varchar not null, "amount" double precision not null, "reference" varchar not null, "key" varchar not null, "posted_by" varchar not null, "posted_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "account_ledger" add constraint "account_ledger_key_unique" unique ("key");`);
    this.addSql(`create index "account_ledger_account_code_posted_at_index" on "account_ledger" ("account_code", "posted_at");`);

    this.addSql(`create table "accounts" ("code" varchar not null, "name" varchar not null, "code_key" varchar collate "C" not null, "name_key" varchar collate "C" not null, "tier" varchar not null default 'standard', "major_account" boolean not null default false, "payment_terms" varchar not null default 'prepaid', "credit_limit" double precision not null default 0, "receivable" double precision not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("code"));`);
    // The search keys compare by their bytes, as the orders' keys do (store/order-search.ts).
    this.addSql(`create index "accounts_code_key_index" on "accounts" ("code_key");`);
    this.addSql(`create index "accounts_name_key_index" on "accounts" ("name_key");`);

    this.addSql(`create index "orders_account_state_order_value_index" on "orders" ("account", "state", "order_value");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "account_contacts" cascade;`);
    this.addSql(`drop table if exists "account_ledger" cascade;`);
    this.addSql(`drop table if exists "accounts" cascade;`);

    this.addSql(`drop index "orders_account_state_order_value_index";`);
  }

}
