import { Migration } from '@mikro-orm/migrations';

export class Migration20261207044608_routes_and_waybills extends Migration {

  override name = 'Migration20261207044608_routes_and_waybills';

  override up(): void | Promise<void> {
    this.addSql(`create table \`hub_routes\` (\`id\` text not null primary key, \`name\` text not null, \`warehouse\` text null, \`zone\` text null, \`stops\` json not null, \`driver_ids\` json not null, \`active\` integer not null default true, \`version\` integer not null default 0, \`created_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);

    this.addSql(`create table \`route_session_orders\` (\`order_id\` text not null primary key, \`session_id\` text not null, \`stop\` text not null);`);
    this.addSql(`create index \`route_session_orders_session_id_index\` on \`route_session_orders\` (\`session_id\`);`);

    this.addSql(`create table \`route_sessions\` (\`id\` text not null primary key, \`route_id\` text not null, \`day\` text not null, \`shift\` text null, \`driver_id\` text null, \`state\` text not null, \`version\` integer not null default 0, \`created_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`route_sessions_route_id_index\` on \`route_sessions\` (\`route_id\`);`);

    this.addSql(`create table \`waybill_orders\` (\`order_id\` text not null primary key, \`waybill_id\` text not null, \`added_at\` datetime not null);`);
    this.addSql(`create index \`waybill_orders_waybill_id_index\` on \`waybill_orders\` (\`waybill_id\`);`);

    this.addSql(`create table \`waybills\` (\`id\` text not null primary key, \`origin\` text not null, \`destination\` text not null, \`carrier_type\` text not null, \`state\` text not null, \`note\` text null, \`version\` integer not null default 0, \`created_by\` text not null, \`created_at\` datetime not null, \`sealed_by\` text null, \`sealed_at\` datetime null);`);
    this.addSql(`create index \`waybills_state_created_at_index\` on \`waybills\` (\`state\`, \`created_at\`);`);

    // A sealed waybill's orders are locked, and it stays sealed: the database refuses a change from any code path.
    this.addSql(`create trigger waybill_orders_sealed_insert before insert on waybill_orders when (select state from waybills where id = new.waybill_id) = 'sealed' begin select raise(abort, 'a sealed waybill is locked'); end;`);
    this.addSql(`create trigger waybill_orders_sealed_delete before delete on waybill_orders when (select state from waybills where id = old.waybill_id) = 'sealed' begin select raise(abort, 'a sealed waybill is locked'); end;`);
    this.addSql(`create trigger waybill_orders_sealed_update before update on waybill_orders when (select state from waybills where id = old.waybill_id) = 'sealed' or (select state from waybills where id = new.waybill_id) = 'sealed' begin select raise(abort, 'a sealed waybill is locked'); end;`);
    this.addSql(`create trigger waybills_sealed_update before update on waybills when old.state = 'sealed' begin select raise(abort, 'a sealed waybill is locked'); end;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists waybill_orders_sealed_insert;`);
    this.addSql(`drop trigger if exists waybill_orders_sealed_delete;`);
    this.addSql(`drop trigger if exists waybill_orders_sealed_update;`);
    this.addSql(`drop trigger if exists waybills_sealed_update;`);
    this.addSql(`drop table if exists \`hub_routes\`;`);
    this.addSql(`drop table if exists \`route_session_orders\`;`);
    this.addSql(`drop table if exists \`route_sessions\`;`);
    this.addSql(`drop table if exists \`waybill_orders\`;`);
    this.addSql(`drop table if exists \`waybills\`;`);
  }

}
