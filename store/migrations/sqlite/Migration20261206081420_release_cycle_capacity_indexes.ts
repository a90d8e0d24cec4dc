import { Migration } from '@mikro-orm/migrations';

export class Migration20261206081420_release_cycle_capacity_indexes extends Migration {

  override name = 'Migration20261206081420_release_cycle_capacity_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index \`orders_work_area_id_in_pool_index\`;`);
    this.addSql(`create index \`orders_work_area_id_in_pool_release_cycle_id_index\` on \`orders\` (\`work_area_id\`, \`in_pool\`, \`release_cycle_id\`);`);
    this.addSql(`create index \`orders_work_area_id_holds_slot_index\` on \`orders\` (\`work_area_id\`, \`holds_slot\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`orders_work_area_id_in_pool_release_cycle_id_index\`;`);
    this.addSql(`drop index \`orders_work_area_id_holds_slot_index\`;`);
    this.addSql(`create index \`orders_work_area_id_in_pool_index\` on \`orders\` (\`work_area_id\`, \`in_pool\`);`);
  }

}
