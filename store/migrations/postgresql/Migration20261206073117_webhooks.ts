import { Migration } from '@mikro-orm/migrations';

export class Migration20261206073117_webhooks extends Migration {

  override name = 'Migration20261206073117_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_attempts" ("id" varchar not null, "endpoint_id" varchar not null, "event_id" varchar not null, "event_type" varchar not null, "attempt" int not null, "at" timestamptz not null, "outcome" varchar not null, "http_status" int null, "duration_ms" int not null, "error" text null, "response_excerpt" text null, "next_attempt_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_attempts_endpoint_id_at_index" on "webhook_attempts" ("endpoint_id", "at");`);

    this.addSql(`create table "webhook_endpoints" ("id" varchar not null, "url" text not null, "description" text not null, "event_types" jsonb not null, "enabled" boolean not null, "disabled_reason" text null, "secret" varchar not null, "previous_secret" varchar null, "previous_secret_expires_at" timestamptz null, "failing_since" timestamptz null, "created_by" varchar not null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "webhook_events" ("id" varchar not null, "type" varchar not null, "message" jsonb not null, "endpoint_id" varchar null, "created_at" timestamptz not null, "relayed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_events_relayed_at_created_at_index" on "webhook_events" ("relayed_at", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook_attempts" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);
    this.addSql(`drop table if exists "webhook_events" cascade;`);
  }

}
