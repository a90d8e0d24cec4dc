import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044235_order_locations extends Migration {

  override name = 'Migration20261207044235_order_locations';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders" add "pickup_lat" double precision null, add "pickup_lng" double precision null, add "dropoff_lat" double precision null, add "dropoff_lng" double precision null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders" drop column "pickup_lat", drop column "pickup_lng", drop column "dropoff_lat", drop column "dropoff_lng";`);
  }

}
