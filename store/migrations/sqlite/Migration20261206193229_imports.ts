import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193229_imports extends Migration {

  override name = 'Migration20261206193229_imports';

  override up(): void | Promise<void> {
    this.addSql(`create table \`import_templates\` (\`id\` text not null primary key, \`name\` text not null, \`mapping\` json not null, \`created_by\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`import_templates_name_unique\` on \`import_templates\` (\`name\`);`);

    this.addSql(`create table \`order_imports\` (\`id\` text not null primary key, \`file_name\` text not null, \`format\` text not null, \`state\` text not null, \`headers\` json not null, \`mapping\` json null, \`rows\` integer not null, \`valid\` integer not null default 0, \`invalid\` integer not null default 0, \`duplicates\` integer not null default 0, \`created\` integer not null default 0, \`rejected\` integer not null default 0, \`processed\` integer not null default 0, \`created_by\` text not null, \`scope\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`order_imports_created_at_index\` on \`order_imports\` (\`created_at\`);`);

    this.addSql(`create table \`order_import_rows\` (\`import_id\` text not null, \`row\` integer not null, \`cells\` json not null, \`outcome\` text not null default 'pending', \`problems\` json null, \`order_id\` text null, primary key (\`import_id\`, \`row\`));`);
    this.addSql(`create index \`order_import_rows_import_id_outcome_row_index\` on \`order_import_rows\` (\`import_id\`, \`outcome\`, \`row\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`import_templates\`;`);
    this.addSql(`drop table if exists \`order_imports\`;`);
    this.addSql(`drop table if exists \`order_import_rows\`;`);
  }

}
