import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013029_bulk_job_prints extends Migration {

  override name = 'Migration20261207013029_bulk_job_prints';

  override up(): void | Promise<void> {
    this.addSql(`create table \`bulk_job_prints\` (\`job_id\` text not null primary key, \`kind\` text not null, \`documents\` integer not null, \`pages\` integer not null, \`sha256\` text null, \`size\` integer not null, \`pdf\` blob null, \`problem\` text null, \`created_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`bulk_job_prints\`;`);
  }

}
