import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193216_bulk_jobs extends Migration {

  override name = 'Migration20261206193216_bulk_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table "bulk_job_items" ("job_id" varchar not null, "position" int not null, "order_id" varchar not null, "outcome" varchar not null, "reason" text null, "at" timestamptz null, primary key ("job_id", "position"));`);
    this.addSql(`create index "bulk_job_items_job_id_outcome_position_index" on "bulk_job_items" ("job_id", "outcome", "position");`);

    this.addSql(`create table "bulk_jobs" ("id" varchar not null, "action" varchar not null, "request" jsonb not null, "filter" text null, "requested_by" varchar not null, "requested_roles" jsonb not null, "status" varchar not null, "total" int not null, "created_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "bulk_jobs_requested_by_created_at_index" on "bulk_jobs" ("requested_by", "created_at");`);
    this.addSql(`create index "bulk_jobs_created_at_index" on "bulk_jobs" ("created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "bulk_job_items" cascade;`);
    this.addSql(`drop table if exists "bulk_jobs" cascade;`);
  }

}
