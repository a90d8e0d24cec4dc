import { Migration } from '@mikro-orm/migrations';

export class Migration20261206222450_accounts extends Migration {

  override name = 'Migration20261206222450_accounts';

  override up(): void | Promise<void> {
    this.addSql(`create table \`account_contacts\` (\`id\` text not null primary key, \`account_code\` text not null, \`name\` text not null, \`role\` text null, \`email\` text null, \`phone\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`account_contacts_account_code_index\` on \`account_contacts\` (\`account_code\`);`);

    this.addSql(`create table \`account_ledger\` (\`id\` text not null primary key, \`account_code\` text not null, \`kind\` text not null, \`amount\` real not null, \`reference\` text not null, \`key\` text not null, \`posted_by\` text not null, \`posted_at\` datetime not null);`);
    this.addSql(`create unique index \`account_ledger_key_unique\` on \`account_ledger\` (\`key\`);`);
    this.addSql(`create index \`account_ledger_account_code_posted_at_index\` on \`account_ledger\` (\`account_code\`, \`posted_at\`);`);

    this.addSql(`create table \`accounts\` (\`code\` text not null primary key, \`name\` text not null, \`code_key\` text not null, \`name_key\` text not null, \`tier\` text not null default 'standard', \`major_account\` integer not null default false, \`payment_terms\` text not null default 'prepaid', \`credit_limit\` real not null default 0, \`receivable\` real not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`accounts_code_key_index\` on \`accounts\` (\`code_key\`);`);
    this.addSql(`create index \`accounts_name_key_index\` on \`accounts\` (\`name_key\`);`);

    this.addSql(`create index \`orders_account_state_order_value_index\` on \`orders\` (\`account\`, \`state\`, \`order_value\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`account_contacts\`;`);
    this.addSql(`drop table if exists \`account_ledger\`;`);
    this.addSql(`drop table if exists \`accounts\`;`);

    this.addSql(`drop index \`orders_account_state_order_value_index\`;`);
  }

}
