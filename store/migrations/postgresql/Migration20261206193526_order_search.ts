import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193526_order_search extends Migration {

  override name = 'Migration20261206193526_order_search';

  override up(): void | Promise<void> {
    this.addSql(`create table "order_skus" ("order_id" varchar not null, "sku" varchar not null, primary key ("order_id", "sku"));`);
    this.addSql(`create index "order_skus_sku_index" on "order_skus" ("sku");`);

    // The keys compare by their bytes whatever the database's locale: a prefix's keys are then one range.
    this.addSql(`alter table "orders" add "reference_key" varchar collate "C" null, add "account_key" varchar collate "C" null;`);
    // lower() under "C" folds ASCII letters only, as searchKeyOf does.
    this.addSql(`update "orders" set "reference_key" = lower("reference" collate "C"), "account_key" = lower("account" collate "C");`);
    this.addSql(`insert into "order_skus" ("order_id", "sku") select distinct o."id", e.value ->> 'sku' from "orders" o, jsonb_array_elements(o."lines") as e(value);`);
    this.addSql(`create index "orders_reference_key_index" on "orders" ("reference_key");`);
    this.addSql(`create index "orders_account_key_index" on "orders" ("account_key");`);
    this.addSql(`create index "orders_zone_index" on "orders" ("zone");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_skus" cascade;`);

    this.addSql(`drop index "orders_reference_key_index";`);
    this.addSql(`drop index "orders_account_key_index";`);
    this.addSql(`drop index "orders_zone_index";`);
    this.addSql(`alter table "orders" drop column "reference_key", drop column "account_key";`);
  }

}
