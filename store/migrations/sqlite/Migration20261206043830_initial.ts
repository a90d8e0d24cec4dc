import { Migration } from '@mikro-orm/migrations';

export class Migration20261206043830_initial extends Migration {

  override name = 'Migration20261206043830_initial';

  override async up(): Promise<void> {
    // A file from before migrations, whose schema the entities kept in sync, already has these tables: it is at this baseline.
    const [schemaSynced] = await this.execute(`select 1 from sqlite_master where type = 'table' and name = 'audit_log'`);
    if (schemaSynced) {
      // One from before idempotency keys were scoped to their caller still has the key unique across callers.
      this.addSql(`drop index if exists \`orders_idempotency_key_unique\`;`);
      this.addSql(`create unique index if not exists \`orders_idempotency_scope_idempotency_key_unique\` on \`orders\` (\`idempotency_scope\`, \`idempotency_key\`);`);
    } else {
      this.createTables();
    }
    // SQLite has no privileges to revoke, so the audit log's append-only rule is enforced by triggers.
    this.addSql(`create trigger if not exists audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end;`);
    this.addSql(`create trigger if not exists audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end;`);
  }

  private createTables(): void {
    this.addSql(`create table \`api_tokens\` (\`id\` text not null primary key, \`name\` text not null, \`role\` text not null, \`secret_hash\` text not null, \`created_by\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null);`);

    this.addSql(`create table \`audit_log\` (\`seq\` integer not null primary key autoincrement, \`dedupe_key\` text not null, \`at\` datetime not null, \`subject_type\` text not null, \`subject_id\` text not null, \`action\` text not null, \`from_state\` text null, \`to_state\` text null, \`actor\` text not null, \`reason\` text null, \`data\` json null);`);
    this.addSql(`create unique index \`audit_log_dedupe_key_unique\` on \`audit_log\` (\`dedupe_key\`);`);
    this.addSql(`create index \`audit_log_subject_type_subject_id_index\` on \`audit_log\` (\`subject_type\`, \`subject_id\`);`);

    this.addSql(`create table \`decisions\` (\`id\` text not null primary key, \`order_id\` text not null, \`decision_point\` text not null, \`ruleset_id\` text not null, \`ruleset_name\` text not null, \`ruleset_version\` integer not null, \`facts\` json not null, \`outcome\` json not null, \`rules\` json not null, \`decided_at\` datetime not null);`);
    this.addSql(`create index \`decisions_order_id_index\` on \`decisions\` (\`order_id\`);`);

    this.addSql(`create table \`login_throttle\` (\`key\` text not null primary key, \`failures\` integer not null, \`locked_until\` datetime null);`);

    this.addSql(`create table \`order_candidate_areas\` (\`id\` text not null primary key, \`order_id\` text not null, \`work_area_id\` text not null);`);
    this.addSql(`create index \`order_candidate_areas_order_id_index\` on \`order_candidate_areas\` (\`order_id\`);`);
    this.addSql(`create index \`order_candidate_areas_work_area_id_index\` on \`order_candidate_areas\` (\`work_area_id\`);`);

    this.addSql(`create table \`order_operations\` (\`id\` text not null primary key, \`order_id\` text not null, \`work_area_id\` text not null, \`position\` integer not null, \`hours\` real not null);`);
    this.addSql(`create index \`order_operations_order_id_index\` on \`order_operations\` (\`order_id\`);`);
    this.addSql(`create index \`order_operations_work_area_id_index\` on \`order_operations\` (\`work_area_id\`);`);

    this.addSql(`create table \`orders\` (\`id\` text not null primary key, \`reference\` text null, \`account\` text not null, \`kind\` text not null, \`stated_priority\` text not null, \`due_at\` datetime not null, \`work_area_id\` text not null, \`candidate_areas\` json null, \`lines\` json not null, \`zone\` text null, \`warehouse\` text null, \`required_skills\` json null, \`routing\` json null, \`payment_mode\` text not null default 'prepaid', \`account_tier\` text null, \`checks\` json null, \`parent_id\` text null, \`state\` text not null, \`last_mile_status\` text null, \`priority_score\` real null, \`release_verdict_key\` text null, \`escalation\` json null, \`holds\` json null, \`assignee\` text null, \`remit_variance\` real null, \`remit_decided_at\` datetime null, \`queued_at\` datetime null, \`released_at\` datetime null, \`units\` integer not null default 1, \`order_value\` real null, \`line_count\` integer null, \`in_pool\` integer not null default false, \`holds_slot\` integer not null default false, \`release_cycle_id\` text null, \`idempotency_key\` text null, \`idempotency_scope\` text null, \`request_hash\` text null, \`workflow_confirmed_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`orders_work_area_id_index\` on \`orders\` (\`work_area_id\`);`);
    this.addSql(`create index \`orders_parent_id_index\` on \`orders\` (\`parent_id\`);`);
    this.addSql(`create index \`orders_state_index\` on \`orders\` (\`state\`);`);
    this.addSql(`create index \`orders_work_area_id_in_pool_index\` on \`orders\` (\`work_area_id\`, \`in_pool\`);`);
    this.addSql(`create index \`orders_created_at_id_index\` on \`orders\` (\`created_at\`, \`id\`);`);
    this.addSql(`create index \`orders_state_created_at_index\` on \`orders\` (\`state\`, \`created_at\`);`);
    this.addSql(`create index \`orders_assignee_state_index\` on \`orders\` (\`assignee\`, \`state\`);`);
    this.addSql(`create unique index \`orders_idempotency_scope_idempotency_key_unique\` on \`orders\` (\`idempotency_scope\`, \`idempotency_key\`);`);

    this.addSql(`create table \`release_cycles\` (\`id\` text not null primary key, \`work_area_id\` text not null, \`seq\` integer not null, \`started_at\` datetime not null, \`duration_ms\` real not null, \`triggers\` json not null, \`area_status\` text not null, \`in_shift\` integer not null, \`capacity_unit\` text not null, \`limit\` integer not null, \`used_before\` integer not null, \`used_after\` integer not null, \`candidates\` integer not null, \`released\` json not null, \`escalated\` json not null, \`waited\` json not null, \`waited_by_reason\` json not null, \`workloads\` json null, \`priority_version\` integer null, \`release_version\` integer null);`);
    this.addSql(`create index \`release_cycles_work_area_id_seq_index\` on \`release_cycles\` (\`work_area_id\`, \`seq\`);`);

    this.addSql(`create table \`release_judgements\` (\`order_id\` text not null primary key, \`work_area_id\` text not null, \`cycle_id\` text not null, \`judged_at\` datetime not null, \`rank\` integer not null, \`score\` real not null, \`score_rules\` json not null, \`priority_version\` integer null, \`verdict\` text not null, \`reason\` text null, \`release_version\` integer null, \`facts\` json not null);`);

    this.addSql(`create table \`resources\` (\`id\` text not null primary key, \`work_area_id\` text not null, \`name\` text not null, \`kind\` text not null, \`zone\` text null, \`skills\` json not null, \`capacity\` integer not null, \`available\` integer not null, \`carrier_type\` text not null, \`load_version\` integer not null default 0);`);
    this.addSql(`create index \`resources_work_area_id_index\` on \`resources\` (\`work_area_id\`);`);

    this.addSql(`create table \`rulesets\` (\`id\` text not null primary key, \`decision_point\` text not null, \`name\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`rulesets_decision_point_index\` on \`rulesets\` (\`decision_point\`);`);

    this.addSql(`create table \`ruleset_test_cases\` (\`id\` text not null primary key, \`decision_point\` text not null, \`name\` text not null, \`facts\` json not null, \`expected\` json null, \`created_by\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`ruleset_test_cases_decision_point_index\` on \`ruleset_test_cases\` (\`decision_point\`);`);

    this.addSql(`create table \`ruleset_versions\` (\`id\` integer not null primary key autoincrement, \`ruleset_id\` text not null, \`version\` integer not null, \`status\` text not null, \`definition\` json not null, \`author\` text not null, \`note\` text null, \`published_at\` datetime null, \`effective_from\` datetime null, \`based_on\` integer null);`);
    this.addSql(`create index \`ruleset_versions_ruleset_id_index\` on \`ruleset_versions\` (\`ruleset_id\`);`);
    this.addSql(`create unique index \`ruleset_versions_ruleset_id_version_unique\` on \`ruleset_versions\` (\`ruleset_id\`, \`version\`);`);

    this.addSql(`create table \`sessions\` (\`token_hash\` text not null primary key, \`user_id\` text not null, \`csrf_token\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null);`);
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);

    this.addSql(`create table \`users\` (\`id\` text not null primary key, \`username\` text not null, \`display_name\` text not null, \`password_hash\` text not null, \`roles\` json not null, \`must_change_password\` integer not null default false, \`disabled\` integer not null default false, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`users_username_unique\` on \`users\` (\`username\`);`);

    this.addSql(`create table \`work_areas\` (\`id\` text not null primary key, \`name\` text not null, \`kind\` text not null, \`zone\` text null, \`warehouse\` text null, \`time_zone\` text not null default 'UTC', \`status\` text not null default 'open', \`wip_limit\` integer not null, \`capacity_unit\` text not null default 'orders', \`workload_norm_hours\` real null, \`load_correction\` text not null default 'position', \`starvation_release\` integer not null default false, \`shift_calendar\` json null, \`planned_lead_time_hours\` real not null default 0, \`cycles\` integer not null default 0, \`load_version\` integer not null default 0, \`cycle_called_at\` datetime null);`);
  }

}
