import { Migration } from '@mikro-orm/migrations';

export class Migration20261206105139_release_groups extends Migration {

  override name = 'Migration20261206105139_release_groups';

  override up(): void | Promise<void> {
    this.addSql(`create table "release_groups" ("id" varchar not null, "name" varchar not null, "time_zone" varchar not null default 'UTC', "release_period" jsonb null, "cycles" int not null default 0, primary key ("id"));`);

    this.addSql(`alter table "release_cycles" add "release_group_id" varchar null, add "gateways" jsonb null;`);
    this.addSql(`create index "release_cycles_release_group_id_seq_index" on "release_cycles" ("release_group_id", "seq");`);

    this.addSql(`alter table "work_areas" add "release_group_id" varchar null;`);
    this.addSql(`create index "work_areas_release_group_id_index" on "work_areas" ("release_group_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "release_groups" cascade;`);

    this.addSql(`drop index "release_cycles_release_group_id_seq_index";`);
    this.addSql(`alter table "release_cycles" drop column "release_group_id", drop column "gateways";`);

    this.addSql(`drop index "work_areas_release_group_id_index";`);
    this.addSql(`alter table "work_areas" drop column "release_group_id";`);
  }

}
