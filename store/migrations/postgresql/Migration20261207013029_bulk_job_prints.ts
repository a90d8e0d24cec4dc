import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013029_bulk_job_prints extends Migration {

  override name = 'Migration20261207013029_bulk_job_prints';

  override up(): void | Promise<void> {
    this.addSql(`create table "bulk_job_prints" ("job_id" varchar not null, "kind" varchar not null, "documents" int not null, "pages" int not null, "sha256" varchar null, "size" int not null, "pdf" bytea null, "problem" text null, "created_at" timestamptz not null, primary key ("job_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "bulk_job_prints" cascade;`);
  }

}
