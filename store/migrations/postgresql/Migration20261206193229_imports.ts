import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193229_imports extends Migration {

  override name = 'Migration20261206193229_imports';

  override up(): void | Promise<void> {
    this.addSql(`create table "import_templates" ("id" varchar not null, "name" varchar not null, "mapping" jsonb not null, "created_by" varchar not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "import_templates" add constraint "import_templates_name_unique" unique ("name");`);

    this.addSql(`create table "order_imports" ("id" varchar not null, "file_name" varchar not null, "format" varchar not null, "state" varchar not null, "headers" jsonb not null, "mapping" jsonb null, "rows" int not null, "valid" int not null default 0, "invalid" int not null default 0, "duplicates" int not null default 0, "created" int not null default 0, "rejected" int not null default 0, "processed" int not null default 0, "created_by" varchar not null, "scope" varchar not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "order_imports_created_at_index" on "order_imports" ("created_at");`);

    this.addSql(`create table "order_import_rows" ("import_id" varchar not null, "row" int not null, "cells" jsonb not null, "outcome" varchar not null default 'pending', "problems" jsonb null, "order_id" varchar null, primary key ("import_id", "row"));`);
    this.addSql(`create index "order_import_rows_import_id_outcome_row_index" on "order_import_rows" ("import_id", "outcome", "row");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "import_templates" cascade;`);
    this.addSql(`drop table if exists "order_imports" cascade;`);
    this.addSql(`drop table if exists "order_import_rows" cascade;`);
  }

}
