import { Migration } from '@mikro-orm/migrations';

export class Migration20261206054007_live_events extends Migration {

  override name = 'Migration20261206054007_live_events';

  override up(): void | Promise<void> {
    this.addSql(`create table "outbox" ("id" varchar(255) not null, "announcement" jsonb not null, "created_at" timestamptz not null, "delivered_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "outbox_delivered_at_created_at_index" on "outbox" ("delivered_at", "created_at");`);

    this.addSql(`alter table "audit_log" add "xact_id" bigint not null default '0';`);
    this.addSql(`create index "audit_log_xact_id_seq_index" on "audit_log" ("xact_id", "seq");`);

    // Live events read the audit log in commit order (store/commit-order.ts): each row carries its
    // transaction's id, and a commit that wrote to it wakes the listeners (NOTIFY is delivered at commit).
    this.addSql(`create function audit_log_stamp_xact() returns trigger language plpgsql as $$ begin new.xact_id := pg_current_xact_id()::text::bigint; return new; end $$;`);
    this.addSql(`create trigger audit_log_xact before insert on "audit_log" for each row execute function audit_log_stamp_xact();`);
    this.addSql(`create function audit_log_notify() returns trigger language plpgsql as $$ begin perform pg_notify('sluice_events', ''); return null; end $$;`);
    this.addSql(`create trigger audit_log_notify after insert on "audit_log" for each statement execute function audit_log_notify();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger audit_log_notify on "audit_log";`);
    this.addSql(`drop function audit_log_notify();`);
    this.addSql(`drop trigger audit_log_xact on "audit_log";`);
    this.addSql(`drop function audit_log_stamp_xact();`);
    this.addSql(`drop table if exists "outbox" cascade;`);

    this.addSql(`drop index "audit_log_xact_id_seq_index";`);
    this.addSql(`alter table "audit_log" drop column "xact_id";`);
  }

}
