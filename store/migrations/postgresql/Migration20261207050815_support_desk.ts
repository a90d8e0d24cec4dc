import { Migration } from '@mikro-orm/migrations';

export class Migration20261207050815_support_desk extends Migration {

  override name = 'Migration20261207050815_support_desk';

  override up(): void | Promise<void> {
    this.addSql(`create table "support_ticket_replies" ("seq" serial primary key, "ticket_id" varchar not null, "from" varchar not null, "author" varchar null, "text" text not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "support_ticket_replies_ticket_id_seq_index" on "support_ticket_replies" ("ticket_id", "seq");`);

    this.addSql(`alter table "support_tickets" add "topic" varchar not null default 'other', add "status" varchar not null default 'open', add "assignee" varchar null, add "version" int not null default 0, add "updated_at" timestamptz null;`);
    this.addSql(`create index "support_tickets_status_created_at_index" on "support_tickets" ("status", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "support_ticket_replies" cascade;`);

    this.addSql(`drop index "support_tickets_status_created_at_index";`);
    this.addSql(`alter table "support_tickets" drop column "topic", drop column "status", drop column "assignee", drop column "version", drop column "updated_at";`);
  }

}
