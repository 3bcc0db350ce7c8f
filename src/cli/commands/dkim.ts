import { loadConfig } from "../../config";
import { writeDkimKey } from "../../ops/dkim-key";
import { mailboxAddress } from "../../transport/email-address";
import { printJson, type CommandRegistrar } from "../command-context";

/** `dkim keygen`: a signing key for DKIM_PRIVATE_KEY and the TXT record that publishes it. */
export const registerDkimCommands: CommandRegistrar = (program, io) => {
  const dkim = program.command("dkim").description("DKIM signing keys");
  dkim
    .command("keygen")
    .description("write a 2048-bit RSA key (mode 600) and print the DKIM TXT record to publish")
    .requiredOption("--selector <name>", "the DKIM selector, e.g. s1")
    .option("--out <file>", "where to write the private key (refuses to overwrite)")
    .option("--json", "print JSON")
    .action((opts: { selector: string; out?: string; json?: boolean }) => {
      const config = loadConfig(io.env);
      const domain =
        config.mail.dkim?.domainName ?? mailboxAddress(config.mail.from).split("@").pop() ?? "";
      const file = opts.out ?? `dkim-${opts.selector}.pem`;
      const record = writeDkimKey(file, opts.selector, domain);
      if (opts.json) {
        printJson(io, { keyFile: file, selector: opts.selector, domain, record });
        return;
      }
      io.out(`${record.name}  TXT "${record.value}"`);
      io.err(
        `wrote ${file} (mode 600): set DKIM_DOMAIN=${domain} DKIM_SELECTOR=${opts.selector} and DKIM_PRIVATE_KEY to its contents, then publish the record above`,
      );
    });
};
