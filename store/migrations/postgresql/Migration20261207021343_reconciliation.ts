import { Migration } from '@mikro-orm/migrations';

export class Migration20261207021343_reconciliation extends Migration {

  override name = 'Migration20261207021343_reconciliation';

  override up(): void | Promise<void> {
    this.addSql(`create table "reconciliation_days" ("site" varchar not null, "day" varchar not null, "status" varchar not null, "report" jsonb not null, "sha256" varchar not null, "signed_off_by" varchar not null, "signed_off_at" timestamptz not null, "reopened_by" varchar null, "reopened_at" timestamptz null, "reopen_reason" text null, primary key ("site", "day"));`);

    this.addSql(`create index "documents_kind_issued_at_index" on "documents" ("kind", "issued_at");`);

    this.addSql(`alter table "orders" add "finished_at" timestamptz null, add "cod_collected" double precision null, add "cod_remitted" double precision null;`);
    this.addSql(`create index "orders_warehouse_created_at_index" on "orders" ("warehouse", "created_at");`);
    this.addSql(`create index "orders_warehouse_released_at_index" on "orders" ("warehouse", "released_at");`);
    this.addSql(`create index "orders_warehouse_finished_at_index" on "orders" ("warehouse", "finished_at");`);
    this.addSql(`create index "orders_warehouse_due_at_index" on "orders" ("warehouse", "due_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reconciliation_days" cascade;`);

    this.addSql(`drop index "documents_kind_issued_at_index";`);

    this.addSql(`drop index "orders_warehouse_created_at_index";`);
    this.addSql(`drop index "orders_warehouse_released_at_index";`);
    this.addSql(`drop index "orders_warehouse_finished_at_index";`);
    this.addSql(`drop index "orders_warehouse_due_at_index";`);
    this.addSql(`alter table "orders" drop column "finished_at", drop column "cod_collected", drop column "cod_remitted";`);
  }

}
