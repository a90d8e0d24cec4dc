import { Migration } from '@mikro-orm/migrations';

export class Migration20261206060034_initial extends Migration {

  override name = 'Migration20261206060034_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_tokens" ("id" varchar not null, "name" varchar not null, "role" varchar not null, "secret_hash" varchar not null, "created_by" varchar not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);

    this.addSql(`create table "audit_log" ("seq" serial primary key, "dedupe_key" varchar not null, "at" timestamptz not null, "subject_type" varchar not null, "subject_id" varchar not null, "action" varchar not null, "from_state" varchar null, "to_state" varchar null, "actor" varchar not null, "reason" varchar null, "data" jsonb null, "xact_id" bigint not null default '0');`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "audit_log_subject_type_subject_id_index" on "audit_log" ("subject_type", "subject_id");`);
    this.addSql(`create index "audit_log_xact_id_seq_index" on "audit_log" ("xact_id", "seq");`);

    this.addSql(`create table "decisions" ("id" varchar not null, "order_id" varchar not null, "decision_point" varchar not null, "ruleset_id" varchar not null, "ruleset_name" varchar not null, "ruleset_version" int not null, "facts" jsonb not null, "outcome" jsonb not null, "rules" jsonb not null, "decided_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "decisions_order_id_index" on "decisions" ("order_id");`);

    this.addSql(`create table "login_throttle" ("key" varchar not null, "failures" int not null, "locked_until" timestamptz null, primary key ("key"));`);

    this.addSql(`create table "order_candidate_areas" ("id" varchar not null, "order_id" varchar not null, "work_area_id" varchar not null, primary key ("id"));`);
    this.addSql(`create index "order_candidate_areas_order_id_index" on "order_candidate_areas" ("order_id");`);
    this.addSql(`create index "order_candidate_areas_work_area_id_index" on "order_candidate_areas" ("work_area_id");`);

    this.addSql(`create table "order_operations" ("id" varchar not null, "order_id" varchar not null, "work_area_id" varchar not null, "position" int not null, "hours" double precision not null, primary key ("id"));`);
    this.addSql(`create index "order_operations_order_id_index" on "order_operations" ("order_id");`);
    this.addSql(`create index "order_operations_work_area_id_index" on "order_operations" ("work_area_id");`);

    this.addSql(`create table "orders" ("id" varchar not null, "reference" varchar null, "account" varchar not null, "kind" varchar not null, "stated_priority" varchar not null, "due_at" timestamptz not null, "work_area_id" varchar not null, "candidate_areas" jsonb null, "lines" jsonb not null, "zone" varchar null, "warehouse" varchar null, "required_skills" jsonb null, "routing" jsonb null, "payment_mode" varchar not null default 'prepaid', "account_tier" varchar null, "checks" jsonb null, "parent_id" varchar null, "state" varchar not null, "last_mile_status" varchar null, "priority_score" double precision null, "release_verdict_key" varchar null, "escalation" jsonb null, "holds" jsonb null, "assignee" varchar null, "remit_variance" double precision null, "remit_decided_at" timestamptz null, "queued_at" timestamptz null, "released_at" timestamptz null, "units" int not null default 1, "order_value" double precision null, "line_count" int null, "in_pool" boolean not null default false, "holds_slot" boolean not null default false, "release_cycle_id" varchar null, "idempotency_key" varchar null, "idempotency_scope" varchar null, "request_hash" varchar null, "workflow_confirmed_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "orders_work_area_id_index" on "orders" ("work_area_id");`);
    this.addSql(`create index "orders_parent_id_index" on "orders" ("parent_id");`);
    this.addSql(`create index "orders_state_index" on "orders" ("state");`);
    this.addSql(`create index "orders_work_area_id_in_pool_index" on "orders" ("work_area_id", "in_pool");`);
    this.addSql(`create index "orders_created_at_id_index" on "orders" ("created_at", "id");`);
    this.addSql(`create index "orders_state_created_at_index" on "orders" ("state", "created_at");`);
    this.addSql(`create index "orders_assignee_state_index" on "orders" ("assignee", "state");`);
    this.addSql(`alter table "orders" add constraint "orders_idempotency_scope_idempotency_key_unique" unique ("idempotency_scope", "idempotency_key");`);

    this.addSql(`create table "outbox" ("id" varchar not null, "announcement" jsonb not null, "created_at" timestamptz not null, "delivered_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "outbox_delivered_at_created_at_index" on "outbox" ("delivered_at", "created_at");`);

    this.addSql(`create table "release_cycles" ("id" varchar not null, "work_area_id" varchar not null, "seq" int not null, "started_at" timestamptz not null, "duration_ms" double precision not null, "triggers" jsonb not null, "area_status" varchar not null, "in_shift" boolean not null, "capacity_unit" varchar not null, "limit" int not null, "used_before" int not null, "used_after" int not null, "candidates" int not null, "released" jsonb not null, "escalated" jsonb not null, "waited" jsonb not null, "waited_by_reason" jsonb not null, "workloads" jsonb null, "priority_version" int null, "release_version" int null, primary key ("id"));`);
    this.addSql(`create index "release_cycles_work_area_id_seq_index" on "release_cycles" ("work_area_id", "seq");`);

    this.addSql(`create table "release_judgements" ("order_id" varchar not null, "work_area_id" varchar not null, "cycle_id" varchar not null, "judged_at" timestamptz not null, "rank" int not null, "score" double precision not null, "score_rules" jsonb not null, "priority_version" int null, "verdict" varchar not null, "reason" varchar null, "release_version" int null, "facts" jsonb not null, primary key ("order_id"));`);

    this.addSql(`create table "resources" ("id" varchar not null, "work_area_id" varchar not null, "name" varchar not null, "kind" varchar not null, "zone" varchar null, "skills" jsonb not null, "capacity" int not null, "available" boolean not null, "carrier_type" varchar not null, "load_version" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "resources_work_area_id_index" on "resources" ("work_area_id");`);

    this.addSql(`create table "rulesets" ("id" varchar not null, "decision_point" varchar not null, "name" varchar not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "rulesets_decision_point_index" on "rulesets" ("decision_point");`);

    this.addSql(`create table "ruleset_test_cases" ("id" varchar not null, "decision_point" varchar not null, "name" varchar not null, "facts" jsonb not null, "expected" jsonb null, "created_by" varchar not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "ruleset_test_cases_decision_point_index" on "ruleset_test_cases" ("decision_point");`);

    this.addSql(`create table "ruleset_versions" ("id" serial primary key, "ruleset_id" varchar not null, "version" int not null, "status" varchar not null, "definition" jsonb not null, "author" varchar not null, "note" varchar null, "published_at" timestamptz null, "effective_from" timestamptz null, "based_on" int null);`);
    this.addSql(`create index "ruleset_versions_ruleset_id_index" on "ruleset_versions" ("ruleset_id");`);
    this.addSql(`alter table "ruleset_versions" add constraint "ruleset_versions_ruleset_id_version_unique" unique ("ruleset_id", "version");`);

    this.addSql(`create table "sessions" ("token_hash" varchar not null, "user_id" varchar not null, "csrf_token" varchar not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("token_hash"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(`create table "users" ("id" varchar not null, "username" varchar not null, "display_name" varchar not null, "password_hash" varchar not null, "roles" jsonb not null, "must_change_password" boolean not null default false, "disabled" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);

    this.addSql(`create table "work_areas" ("id" varchar not null, "name" varchar not null, "kind" varchar not null, "zone" varchar null, "warehouse" varchar null, "time_zone" varchar not null default 'UTC', "status" varchar not null default 'open', "wip_limit" int not null, "capacity_unit" varchar not null default 'orders', "workload_norm_hours" double precision null, "load_correction" varchar not null default 'position', "starvation_release" boolean not null default false, "shift_calendar" jsonb null, "planned_lead_time_hours" double precision not null default 0, "cycles" int not null default 0, "load_version" int not null default 0, "cycle_called_at" timestamptz null, primary key ("id"));`);

    // The audit log is append-only for every role that can reach the table, its owner included.
    this.addSql(`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$;`);
    this.addSql(`create trigger audit_log_no_update_or_delete before update or delete on "audit_log" for each row execute function audit_log_append_only();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on "audit_log" for each statement execute function audit_log_append_only();`);

    // Live events read the audit log in commit order (`settledRows` in store/dialect.ts): each row carries its
    // transaction's id, and a commit that wrote to it wakes the listeners (NOTIFY is delivered at commit).
    this.addSql(`create function audit_log_stamp_xact() returns trigger language plpgsql as $$ begin new.xact_id := pg_current_xact_id()::text::bigint; return new; end $$;`);
    this.addSql(`create trigger audit_log_xact before insert on "audit_log" for each row execute function audit_log_stamp_xact();`);
    this.addSql(`create function audit_log_notify() returns trigger language plpgsql as $$ begin perform pg_notify('sluice_events', ''); return null; end $$;`);
    this.addSql(`create trigger audit_log_notify after insert on "audit_log" for each statement execute function audit_log_notify();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists audit_log_append_only, audit_log_stamp_xact, audit_log_notify cascade;`);
    this.addSql(`drop table if exists "api_tokens" cascade;`);
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop table if exists "decisions" cascade;`);
    this.addSql(`drop table if exists "login_throttle" cascade;`);
    this.addSql(`drop table if exists "order_candidate_areas" cascade;`);
    this.addSql(`drop table if exists "order_operations" cascade;`);
    this.addSql(`drop table if exists "orders" cascade;`);
    this.addSql(`drop table if exists "outbox" cascade;`);
    this.addSql(`drop table if exists "release_cycles" cascade;`);
    this.addSql(`drop table if exists "release_judgements" cascade;`);
    this.addSql(`drop table if exists "resources" cascade;`);
    this.addSql(`drop table if exists "rulesets" cascade;`);
    this.addSql(`drop table if exists "ruleset_test_cases" cascade;`);
    this.addSql(`drop table if exists "ruleset_versions" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "work_areas" cascade;`);
  }

}
