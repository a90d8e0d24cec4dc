import { Migration } from '@mikro-orm/migrations';

export class Migration20261207045028_order_messages extends Migration {

  override name = 'Migration20261207045028_order_messages';

  override up(): void | Promise<void> {
    this.addSql(`create table "order_messages" ("seq" serial primary key, "order_id" varchar not null, "author_kind" varchar not null, "author_id" varchar not null, "author_name" varchar not null, "text" text not null, "mentions" jsonb not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "order_messages_order_id_seq_index" on "order_messages" ("order_id", "seq");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_messages" cascade;`);
  }

}
