import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193216_bulk_jobs extends Migration {

  override name = 'Migration20261206193216_bulk_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table \`bulk_job_items\` (\`job_id\` text not null, \`position\` integer not null, \`order_id\` text not null, \`outcome\` text not null, \`reason\` text null, \`at\` datetime null, primary key (\`job_id\`, \`position\`));`);
    this.addSql(`create index \`bulk_job_items_job_id_outcome_position_index\` on \`bulk_job_items\` (\`job_id\`, \`outcome\`, \`position\`);`);

    this.addSql(`create table \`bulk_jobs\` (\`id\` text not null primary key, \`action\` text not null, \`request\` json not null, \`filter\` text null, \`requested_by\` text not null, \`requested_roles\` json not null, \`status\` text not null, \`total\` integer not null, \`created_at\` datetime not null, \`finished_at\` datetime null);`);
    this.addSql(`create index \`bulk_jobs_requested_by_created_at_index\` on \`bulk_jobs\` (\`requested_by\`, \`created_at\`);`);
    this.addSql(`create index \`bulk_jobs_created_at_index\` on \`bulk_jobs\` (\`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`bulk_job_items\`;`);
    this.addSql(`drop table if exists \`bulk_jobs\`;`);
  }

}
