import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044458_warehouse_location extends Migration {

  override name = 'Migration20261207044458_warehouse_location';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`warehouse_settings\` add column \`location_lat\` double null;`);
    this.addSql(`alter table \`warehouse_settings\` add column \`location_lng\` double null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`warehouse_settings\` drop column \`location_lat\`;`);
    this.addSql(`alter table \`warehouse_settings\` drop column \`location_lng\`;`);
  }

}
