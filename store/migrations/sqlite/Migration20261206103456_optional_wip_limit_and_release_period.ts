import { Migration } from '@mikro-orm/migrations';

export class Migration20261206103456_optional_wip_limit_and_release_period extends Migration {

  override name = 'Migration20261206103456_optional_wip_limit_and_release_period';

  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`release_cycles__temp_alter\` (\`id\` text not null primary key, \`work_area_id\` text not null, \`seq\` integer not null, \`started_at\` datetime not null, \`duration_ms\` real not null, \`triggers\` json not null, \`area_status\` text not null, \`in_shift\` integer not null, \`capacity_unit\` text not null, \`limit\` integer null, \`used_before\` integer not null, \`used_after\` integer not null, \`candidates\` integer not null, \`released\` json not null, \`escalated\` json not null, \`waited\` json not null, \`waited_by_reason\` json not null, \`workloads\` json null, \`priority_version\` integer null, \`release_version\` integer null);`);
    this.addSql(`insert into \`release_cycles__temp_alter\` select \`id\`, \`work_area_id\`, \`seq\`, \`started_at\`, \`duration_ms\`, \`triggers\`, \`area_status\`, \`in_shift\`, \`capacity_unit\`, \`limit\`, \`used_before\`, \`used_after\`, \`candidates\`, \`released\`, \`escalated\`, \`waited\`, \`waited_by_reason\`, \`workloads\`, \`priority_version\`, \`release_version\` from \`release_cycles\`;`);
    this.addSql(`drop table \`release_cycles\`;`);
    this.addSql(`alter table \`release_cycles__temp_alter\` rename to \`release_cycles\`;`);
    this.addSql(`create index \`release_cycles_work_area_id_seq_index\` on \`release_cycles\` (\`work_area_id\`, \`seq\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`work_areas__temp_alter\` (\`id\` text not null primary key, \`name\` text not null, \`kind\` text not null, \`zone\` text null, \`warehouse\` text null, \`time_zone\` text not null default 'UTC', \`status\` text not null default 'open', \`wip_limit\` integer null, \`capacity_unit\` text not null default 'orders', \`workload_norm_hours\` real null, \`load_correction\` text not null default 'position', \`starvation_release\` integer not null default false, \`shift_calendar\` json null, \`planned_lead_time_hours\` real not null default 0, \`release_period\` json null, \`cycles\` integer not null default 0, \`load_version\` integer not null default 0, \`cycle_called_at\` datetime null);`);
    this.addSql(`insert into \`work_areas__temp_alter\` select \`id\`, \`name\`, \`kind\`, \`zone\`, \`warehouse\`, \`time_zone\`, \`status\`, \`wip_limit\`, \`capacity_unit\`, \`workload_norm_hours\`, \`load_correction\`, \`starvation_release\`, \`shift_calendar\`, \`planned_lead_time_hours\`, null as \`release_period\`, \`cycles\`, \`load_version\`, \`cycle_called_at\` from \`work_areas\`;`);
    this.addSql(`drop table \`work_areas\`;`);
    this.addSql(`alter table \`work_areas__temp_alter\` rename to \`work_areas\`;`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`release_cycles__temp_alter\` (\`area_status\` text not null, \`candidates\` integer not null, \`capacity_unit\` text not null, \`duration_ms\` real not null, \`escalated\` json not null, \`id\` text not null primary key, \`in_shift\` integer not null, \`limit\` integer not null, \`priority_version\` integer null, \`release_version\` integer null, \`released\` json not null, \`seq\` integer not null, \`started_at\` datetime not null, \`triggers\` json not null, \`used_after\` integer not null, \`used_before\` integer not null, \`waited\` json not null, \`waited_by_reason\` json not null, \`work_area_id\` text not null, \`workloads\` json null);`);
    this.addSql(`insert into \`release_cycles__temp_alter\` select \`area_status\`, \`candidates\`, \`capacity_unit\`, \`duration_ms\`, \`escalated\`, \`id\`, \`in_shift\`, \`limit\`, \`priority_version\`, \`release_version\`, \`released\`, \`seq\`, \`started_at\`, \`triggers\`, \`used_after\`, \`used_before\`, \`waited\`, \`waited_by_reason\`, \`work_area_id\`, \`workloads\` from \`release_cycles\`;`);
    this.addSql(`drop table \`release_cycles\`;`);
    this.addSql(`alter table \`release_cycles__temp_alter\` rename to \`release_cycles\`;`);
    this.addSql(`create index \`release_cycles_work_area_id_seq_index\` on \`release_cycles\` (\`work_area_id\`, \`seq\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`work_areas__temp_alter\` (\`capacity_unit\` text not null default 'orders', \`cycle_called_at\` datetime null, \`cycles\` integer not null default 0, \`id\` text not null primary key, \`kind\` text not null, \`load_correction\` text not null default 'position', \`load_version\` integer not null default 0, \`name\` text not null, \`planned_lead_time_hours\` real not null default 0, \`shift_calendar\` json null, \`starvation_release\` integer not null default false, \`status\` text not null default 'open', \`time_zone\` text not null default 'UTC', \`warehouse\` text null, \`wip_limit\` integer not null, \`workload_norm_hours\` real null, \`zone\` text null);`);
    this.addSql(`insert into \`work_areas__temp_alter\` select \`capacity_unit\`, \`cycle_called_at\`, \`cycles\`, \`id\`, \`kind\`, \`load_correction\`, \`load_version\`, \`name\`, \`planned_lead_time_hours\`, \`shift_calendar\`, \`starvation_release\`, \`status\`, \`time_zone\`, \`warehouse\`, \`wip_limit\`, \`workload_norm_hours\`, \`zone\` from \`work_areas\`;`);
    this.addSql(`drop table \`work_areas\`;`);
    this.addSql(`alter table \`work_areas__temp_alter\` rename to \`work_areas\`;`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
