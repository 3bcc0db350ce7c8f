import type { CommandRegistrar } from "../command-context";
import { loadConfig } from "../../config";
import { databaseTarget } from "../../db/database-target";
import { migrateDatabase } from "../../db/migrate-database";

export const registerDbCommands: CommandRegistrar = (program, io) => {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply the committed migrations the database lacks (every command does this too)")
    .action(async () => {
      const applied = await migrateDatabase(databaseTarget(loadConfig(io.env).databaseUrl));
      io.out(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    });
};
