import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221516_documents extends Migration {

  override name = 'Migration20261206221516_documents';

  override up(): void | Promise<void> {
    this.addSql(`create table "documents" ("id" varchar not null, "order_id" varchar not null, "kind" varchar not null, "issue_key" varchar not null, "series" varchar null, "series_number" int null, "number" varchar null, "corrects_id" varchar null, "reason" text null, "lines" jsonb not null, "total" double precision not null, "template_version" int not null, "sha256" varchar not null, "size" int not null, "pdf" bytea not null, "issued_at" timestamptz not null, "issued_by" varchar not null, primary key ("id"));`);
    this.addSql(`create index "documents_order_id_issued_at_index" on "documents" ("order_id", "issued_at");`);
    this.addSql(`alter table "documents" add constraint "documents_issue_key_unique" unique ("issue_key");`);
    this.addSql(`alter table "documents" add constraint "documents_series_series_number_unique" unique ("series", "series_number");`);

    this.addSql(`create table "document_series" ("id" varchar not null, "last_number" int not null, primary key ("id"));`);

    this.addSql(`create table "order_tracking" ("order_id" varchar not null, "token" varchar not null, "created_at" timestamptz not null, primary key ("order_id"));`);
    this.addSql(`alter table "order_tracking" add constraint "order_tracking_token_unique" unique ("token");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "documents" cascade;`);
    this.addSql(`drop table if exists "document_series" cascade;`);
    this.addSql(`drop table if exists "order_tracking" cascade;`);
  }

}
