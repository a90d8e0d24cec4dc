import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193732_saved_views extends Migration {

  override name = 'Migration20261206193732_saved_views';

  override up(): void | Promise<void> {
    this.addSql(`create table "saved_views" ("id" varchar not null, "owner" varchar not null, "name" varchar not null, "query" text not null, "columns" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "saved_views" add constraint "saved_views_owner_name_unique" unique ("owner", "name");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "saved_views" cascade;`);
  }

}
