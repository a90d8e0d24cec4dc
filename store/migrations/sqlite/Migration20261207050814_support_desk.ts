import { Migration } from '@mikro-orm/migrations';

export class Migration20261207050814_support_desk extends Migration {

  override name = 'Migration20261207050814_support_desk';

  override up(): void | Promise<void> {
    this.addSql(`create table \`support_ticket_replies\` (\`seq\` integer not null primary key autoincrement, \`ticket_id\` text not null, \`from\` text not null, \`author\` text null, \`text\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`support_ticket_replies_ticket_id_seq_index\` on \`support_ticket_replies\` (\`ticket_id\`, \`seq\`);`);

    this.addSql(`alter table \`support_tickets\` add column \`topic\` text not null default 'other';`);
    this.addSql(`alter table \`support_tickets\` add column \`status\` text not null default 'open';`);
    this.addSql(`alter table \`support_tickets\` add column \`assignee\` text null;`);
    this.addSql(`alter table \`support_tickets\` add column \`version\` integer not null default 0;`);
    this.addSql(`alter table \`support_tickets\` add column \`updated_at\` datetime null;`);
    this.addSql(`create index \`support_tickets_status_created_at_index\` on \`support_tickets\` (\`status\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`support_ticket_replies\`;`);

    this.addSql(`drop index \`support_tickets_status_created_at_index\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`topic\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`status\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`assignee\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`version\`;`);
    this.addSql(`alter table \`support_tickets\` drop column \`updated_at\`;`);
  }

}
