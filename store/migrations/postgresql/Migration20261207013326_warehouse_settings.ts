import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013326_warehouse_settings extends Migration {

  override name = 'Migration20261207013326_warehouse_settings';

  override up(): void | Promise<void> {
    this.addSql(`create table "warehouse_settings" ("warehouse" varchar not null, "reserve_at" varchar not null, "updated_at" timestamptz not null, "updated_by" varchar not null, primary key ("warehouse"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "warehouse_settings" cascade;`);
  }

}
