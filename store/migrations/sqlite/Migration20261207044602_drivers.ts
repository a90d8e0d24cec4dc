import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044602_drivers extends Migration {

  override name = 'Migration20261207044602_drivers';

  override up(): void | Promise<void> {
    this.addSql(`create table \`driver_profiles\` (\`driver_id\` text not null primary key, \`shift_start\` text null, \`shift_end\` text null, \`vehicle_name\` text null, \`vehicle_capacity\` integer null, \`vehicle_weight_kg\` double null, \`vehicle_volume_m3\` double null, \`zones\` json not null, \`last_lat\` double null, \`last_lng\` double null, \`last_seen_at\` datetime null, \`version\` integer not null default 0);`);

    this.addSql(`create table \`driver_tokens\` (\`id\` text not null primary key, \`driver_id\` text not null, \`secret_hash\` text not null, \`created_by\` text not null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null);`);
    this.addSql(`create index \`driver_tokens_driver_id_index\` on \`driver_tokens\` (\`driver_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`driver_profiles\`;`);
    this.addSql(`drop table if exists \`driver_tokens\`;`);
  }

}
