import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044608_routes_and_waybills extends Migration {

  override name = 'Migration20261207044608_routes_and_waybills';

  override up(): void | Promise<void> {
    this.addSql(`create table "hub_routes" ("id" varchar not null, "name" varchar not null, "warehouse" varchar null, "zone" varchar null, "stops" jsonb not null, "driver_ids" jsonb not null, "active" boolean not null default true, "version" int not null default 0, "created_by" varchar not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "route_session_orders" ("order_id" varchar not null, "session_id" varchar not null, "stop" varchar not null, primary key ("order_id"));`);
    this.addSql(`create index "route_session_orders_session_id_index" on "route_session_orders" ("session_id");`);

    this.addSql(`create table "route_sessions" ("id" varchar not null, "route_id" varchar not null, "day" varchar not null, "shift" varchar null, "driver_id" varchar null, "state" varchar not null, "version" int not null default 0, "created_by" varchar not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "route_sessions_route_id_index" on "route_sessions" ("route_id");`);

    this.addSql(`create table "waybill_orders" ("order_id" varchar not null, "waybill_id" varchar not null, "added_at" timestamptz not null, primary key ("order_id"));`);
    this.addSql(`create index "waybill_orders_waybill_id_index" on "waybill_orders" ("waybill_id");`);

    this.addSql(`create table "waybills" ("id" varchar not null, "origin" varchar not null, "destination" varchar not null, "carrier_type" varchar not null, "state" varchar not null, "note" varchar null, "version" int not null default 0, "created_by" varchar not null, "created_at" timestamptz not null, "sealed_by" varchar null, "sealed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "waybills_state_created_at_index" on "waybills" ("state", "created_at");`);

    // A sealed waybill's orders are locked, and it stays sealed: the database refuses a change from any code path.
    this.addSql(`create function waybill_orders_locked() returns trigger language plpgsql as $$ begin
      if exists (select 1 from waybills where state = 'sealed' and id in (case when tg_op = 'INSERT' then null else old.waybill_id end, case when tg_op = 'DELETE' then null else new.waybill_id end)) then
        raise exception 'a sealed waybill is locked';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;`);
    this.addSql(`create trigger waybill_orders_sealed before insert or update or delete on "waybill_orders" for each row execute function waybill_orders_locked();`);
    this.addSql(`create function waybills_locked() returns trigger language plpgsql as $$ begin raise exception 'a sealed waybill is locked'; end $$;`);
    this.addSql(`create trigger waybills_sealed_update before update on "waybills" for each row when (old.state = 'sealed') execute function waybills_locked();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists waybill_orders_sealed on "waybill_orders";`);
    this.addSql(`drop function if exists waybill_orders_locked();`);
    this.addSql(`drop trigger if exists waybills_sealed_update on "waybills";`);
    this.addSql(`drop function if exists waybills_locked();`);
    this.addSql(`drop table if exists "hub_routes" cascade;`);
    this.addSql(`drop table if exists "route_session_orders" cascade;`);
    this.addSql(`drop table if exists "route_sessions" cascade;`);
    this.addSql(`drop table if exists "waybill_orders" cascade;`);
    this.addSql(`drop table if exists "waybills" cascade;`);
  }

}
