import { Migration } from '@mikro-orm/migrations';

export class Migration20261206102556_operation_progress extends Migration {

  override name = 'Migration20261206102556_operation_progress';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`order_operations\` add column \`arrived_at\` datetime null;`);
    this.addSql(`alter table \`order_operations\` add column \`done_at\` datetime null;`);
    this.addSql(`alter table \`order_operations\` add column \`done_by\` text null;`);
    this.addSql(`create index \`order_operations_work_area_id_done_at_index\` on \`order_operations\` (\`work_area_id\`, \`done_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`order_operations_work_area_id_done_at_index\`;`);
    this.addSql(`alter table \`order_operations\` drop column \`arrived_at\`;`);
    this.addSql(`alter table \`order_operations\` drop column \`done_at\`;`);
    this.addSql(`alter table \`order_operations\` drop column \`done_by\`;`);
  }

}
