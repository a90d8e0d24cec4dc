import { Migration } from '@mikro-orm/migrations';

export class Migration20261206234255_tracking_and_contact_search extends Migration {

  override name = 'Migration20261206234255_tracking_and_contact_search';

  override up(): void | Promise<void> {
    this.addSql(`create table "public_rate_limits" ("key" varchar not null, "window_start" timestamptz not null, "hits" int not null, primary key ("key"));`);
    this.addSql(`create index "public_rate_limits_window_start_index" on "public_rate_limits" ("window_start");`);

    this.addSql(`create table "support_tickets" ("id" varchar not null, "order_id" varchar not null, "name" varchar not null, "contact" varchar not null, "message" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "support_tickets_order_id_created_at_index" on "support_tickets" ("order_id", "created_at");`);

    this.addSql(`alter table "account_contacts" add "email_key" varchar null, add "phone_key" varchar null;`);
    this.addSql(`create index "account_contacts_email_key_index" on "account_contacts" ("email_key");`);
    this.addSql(`create index "account_contacts_phone_key_index" on "account_contacts" ("phone_key");`);
    // Contacts written before this migration get their search keys as contact-keys.ts writes them: a phone's
    // digits (the contact schema allows only digits, spaces and + ( ) . / -), an email in lower case.
    this.addSql(`update account_contacts set email_key = lower(trim(email)), phone_key = nullif(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''), '-', ''), '');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "public_rate_limits" cascade;`);
    this.addSql(`drop table if exists "support_tickets" cascade;`);

    this.addSql(`drop index "account_contacts_email_key_index";`);
    this.addSql(`drop index "account_contacts_phone_key_index";`);
    this.addSql(`alter table "account_contacts" drop column "email_key", drop column "phone_key";`);
  }

}
