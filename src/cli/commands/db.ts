import { printJson, type CommandRegistrar } from "../command-context";
import { loadConfig } from "../../config";
import { databaseTarget } from "../../db/database-target";
import { migrateDatabase } from "../../db/migrate-database";
import { backupDatabase } from "../../db/backup-database";

export const registerDbCommands: CommandRegistrar = (program, io) => {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply the committed migrations the database lacks (every command does this too)")
    .action(async () => {
      const applied = await migrateDatabase(databaseTarget(loadConfig(io.env).databaseUrl));
      io.out(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    });
  db.command("backup <file>")
    .description("copy the SQLite database to <file>, consistent even while serve runs")
    .option("--json", "print JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const copied = await backupDatabase(databaseTarget(loadConfig(io.env).databaseUrl), file);
      if (opts.json) return printJson(io, { file, ...copied });
      io.out(`backed up ${copied.source} to ${file} (${copied.bytes} bytes)`);
    });
};
