import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044458_warehouse_location extends Migration {

  override name = 'Migration20261207044458_warehouse_location';

  override up(): void | Promise<void> {
    this.addSql(`alter table "warehouse_settings" add "location_lat" double precision null, add "location_lng" double precision null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "warehouse_settings" drop column "location_lat", drop column "location_lng";`);
  }

}
