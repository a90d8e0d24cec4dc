import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221428_inventory extends Migration {

  override name = 'Migration20261206221428_inventory';

  override up(): void | Promise<void> {
    this.addSql(`create table "price_list_accounts" ("account" varchar not null, "price_list_id" varchar not null, primary key ("account", "price_list_id"));`);
    this.addSql(`create index "price_list_accounts_price_list_id_index" on "price_list_accounts" ("price_list_id");`);

    this.addSql(`create table "price_lists" ("id" varchar not null, "name" varchar not null, "is_default" boolean not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "price_lists" add constraint "price_lists_name_unique" unique ("name");`);

    this.addSql(`create table "prices" ("price_list_id" varchar not null, "sku" varchar not null, "price" double precision not null, primary key ("price_list_id", "sku"));`);
    this.addSql(`create index "prices_sku_index" on "prices" ("sku");`);

    this.addSql(`create table "products" ("sku" varchar not null, "name" varchar not null, "unit" varchar not null, "active" boolean not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("sku"));`);

    this.addSql(`create table "reservations" ("order_id" varchar not null, "sku" varchar not null, "warehouse" varchar not null, "qty" int not null, "status" varchar not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("order_id", "sku"));`);
    this.addSql(`create index "reservations_warehouse_sku_status_index" on "reservations" ("warehouse", "sku", "status");`);

    this.addSql(`create table "stock_receipts" ("id" varchar not null, "warehouse" varchar not null, "lines" jsonb not null, "received_by" varchar not null, "received_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "stock_receipts_received_at_index" on "stock_receipts" ("received_at");`);

    this.addSql(`create table "stock" ("warehouse" varchar not null, "sku" varchar not null, "on_hand" int not null, "reserved" int not null, "updated_at" timestamptz not null, primary key ("warehouse", "sku"));`);
    this.addSql(`create index "stock_sku_index" on "stock" ("sku");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "price_list_accounts" cascade;`);
    this.addSql(`drop table if exists "price_lists" cascade;`);
    this.addSql(`drop table if exists "prices" cascade;`);
    this.addSql(`drop table if exists "products" cascade;`);
    this.addSql(`drop table if exists "reservations" cascade;`);
    this.addSql(`drop table if exists "stock_receipts" cascade;`);
    this.addSql(`drop table if exists "stock" cascade;`);
  }

}
