import { Migration } from '@mikro-orm/migrations';

export class Migration20261206073116_webhooks extends Migration {

  override name = 'Migration20261206073116_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table \`webhook_attempts\` (\`id\` text not null primary key, \`endpoint_id\` text not null, \`event_id\` text not null, \`event_type\` text not null, \`attempt\` integer not null, \`at\` datetime not null, \`outcome\` text not null, \`http_status\` integer null, \`duration_ms\` integer not null, \`error\` text null, \`response_excerpt\` text null, \`next_attempt_at\` datetime null);`);
    this.addSql(`create index \`webhook_attempts_endpoint_id_at_index\` on \`webhook_attempts\` (\`endpoint_id\`, \`at\`);`);

    this.addSql(`create table \`webhook_endpoints\` (\`id\` text not null primary key, \`url\` text not null, \`description\` text not null, \`event_types\` json not null, \`enabled\` integer not null, \`disabled_reason\` text null, \`secret\` text not null, \`previous_secret\` text null, \`previous_secret_expires_at\` datetime null, \`failing_since\` datetime null, \`created_by\` text not null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`webhook_events\` (\`id\` text not null primary key, \`type\` text not null, \`message\` json not null, \`endpoint_id\` text null, \`created_at\` datetime not null, \`relayed_at\` datetime null);`);
    this.addSql(`create index \`webhook_events_relayed_at_created_at_index\` on \`webhook_events\` (\`relayed_at\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`webhook_attempts\`;`);
    this.addSql(`drop table if exists \`webhook_endpoints\`;`);
    this.addSql(`drop table if exists \`webhook_events\`;`);
  }

}
