import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044235_order_locations extends Migration {

  override name = 'Migration20261207044235_order_locations';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`orders\` add column \`pickup_lat\` double null;`);
    this.addSql(`alter table \`orders\` add column \`pickup_lng\` double null;`);
    this.addSql(`alter table \`orders\` add column \`dropoff_lat\` double null;`);
    this.addSql(`alter table \`orders\` add column \`dropoff_lng\` double null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`orders\` drop column \`pickup_lat\`;`);
    this.addSql(`alter table \`orders\` drop column \`pickup_lng\`;`);
    this.addSql(`alter table \`orders\` drop column \`dropoff_lat\`;`);
    this.addSql(`alter table \`orders\` drop column \`dropoff_lng\`;`);
  }

}
