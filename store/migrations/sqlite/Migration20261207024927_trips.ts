import { Migration } from '@mikro-orm/migrations';

export class Migration20261207024927_trips extends Migration {

  override name = 'Migration20261207024927_trips';

  override up(): void | Promise<void> {
    this.addSql(`create table \`trip_orders\` (\`order_id\` text not null primary key, \`trip_id\` text not null);`);
    this.addSql(`create index \`trip_orders_trip_id_index\` on \`trip_orders\` (\`trip_id\`);`);

    this.addSql(`create table \`trips\` (\`id\` text not null primary key, \`driver_id\` text not null, \`work_area_id\` text not null, \`state\` text not null, \`version\` integer not null default 0, \`created_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`trips_driver_id_index\` on \`trips\` (\`driver_id\`);`);
    this.addSql(`create index \`trips_state_created_at_index\` on \`trips\` (\`state\`, \`created_at\`);`);

    this.addSql(`create table \`trip_stops\` (\`trip_id\` text not null, \`order_id\` text not null, \`kind\` text not null, \`position\` integer not null, \`pinned\` integer not null, \`status\` text not null, primary key (\`trip_id\`, \`order_id\`, \`kind\`));`);
    this.addSql(`create index \`trip_stops_order_id_index\` on \`trip_stops\` (\`order_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`trip_orders\`;`);
    this.addSql(`drop table if exists \`trips\`;`);
    this.addSql(`drop table if exists \`trip_stops\`;`);
  }

}
