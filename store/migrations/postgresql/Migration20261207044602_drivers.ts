import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044602_drivers extends Migration {

  override name = 'Migration20261207044602_drivers';

  override up(): void | Promise<void> {
    this.addSql(`create table "driver_profiles" ("driver_id" varchar not null, "shift_start" varchar null, "shift_end" varchar null, "vehicle_name" varchar null, "vehicle_capacity" int null, "vehicle_weight_kg" double precision null, "vehicle_volume_m3" double precision null, "zones" jsonb not null, "last_lat" double precision null, "last_lng" double precision null, "last_seen_at" timestamptz null, "version" int not null default 0, primary key ("driver_id"));`);

    this.addSql(`create table "driver_tokens" ("id" varchar not null, "driver_id" varchar not null, "secret_hash" varchar not null, "created_by" varchar not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "driver_tokens_driver_id_index" on "driver_tokens" ("driver_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "driver_profiles" cascade;`);
    this.addSql(`drop table if exists "driver_tokens" cascade;`);
  }

}
