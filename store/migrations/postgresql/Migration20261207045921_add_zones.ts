import { Migration } from '@mikro-orm/migrations';

export class Migration20261207045921_add_zones extends Migration {

  override name = 'Migration20261207045921_add_zones';

  override up(): void | Promise<void> {
    this.addSql(`create table "zones" ("name" varchar not null, "polygon" jsonb not null, "colour" varchar not null, "updated_at" timestamptz not null, "updated_by" varchar not null, primary key ("name"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "zones" cascade;`);
  }

}
