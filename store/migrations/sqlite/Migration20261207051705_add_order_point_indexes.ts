import { Migration } from '@mikro-orm/migrations';

export class Migration20261207051705_add_order_point_indexes extends Migration {

  override name = 'Migration20261207051705_add_order_point_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index \`orders_dropoff_lat_dropoff_lng_index\` on \`orders\` (\`dropoff_lat\`, \`dropoff_lng\`);`);
    this.addSql(`create index \`orders_pickup_lat_pickup_lng_index\` on \`orders\` (\`pickup_lat\`, \`pickup_lng\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`orders_dropoff_lat_dropoff_lng_index\`;`);
    this.addSql(`drop index \`orders_pickup_lat_pickup_lng_index\`;`);
  }

}
