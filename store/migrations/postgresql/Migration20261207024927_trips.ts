import { Migration } from '@mikro-orm/migrations';

export class Migration20261207024927_trips extends Migration {

  override name = 'Migration20261207024927_trips';

  override up(): void | Promise<void> {
    this.addSql(`create table "trip_orders" ("order_id" varchar not null, "trip_id" varchar not null, primary key ("order_id"));`);
    this.addSql(`create index "trip_orders_trip_id_index" on "trip_orders" ("trip_id");`);

    this.addSql(`create table "trips" ("id" varchar not null, "driver_id" varchar not null, "work_area_id" varchar not null, "state" varchar not null, "version" int not null default 0, "created_by" varchar not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "trips_driver_id_index" on "trips" ("driver_id");`);
    this.addSql(`create index "trips_state_created_at_index" on "trips" ("state", "created_at");`);

    this.addSql(`create table "trip_stops" ("trip_id" varchar not null, "order_id" varchar not null, "kind" varchar not null, "position" int not null, "pinned" boolean not null, "status" varchar not null, primary key ("trip_id", "order_id", "kind"));`);
    this.addSql(`create index "trip_stops_order_id_index" on "trip_stops" ("order_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "trip_orders" cascade;`);
    this.addSql(`drop table if exists "trips" cascade;`);
    this.addSql(`drop table if exists "trip_stops" cascade;`);
  }

}
