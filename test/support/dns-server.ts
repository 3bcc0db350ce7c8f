import dns2 from "dns2";
import { freePort } from "./free-port";

export interface TxtServer {
  /** host:port for doctor --dns-server */
  address: string;
  /** The names asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** A TXT record's value as DNS carries it: character-strings of at most 255 octets each. */
const chunks = (value: string) => value.match(/.{1,255}/g) ?? [""];

/**
 * A name server on 127.0.0.1 (UDP, and TCP for answers too long for a datagram) that answers TXT
 * questions from `records` (name → records) and answers anything else with no records.
 */
export async function startTxtServer(records: Record<string, string[]>): Promise<TxtServer> {
  const asked: string[] = [];
  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle(request, send) {
      const response = dns2.Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        asked.push(question.name);
        for (const value of records[question.name.toLowerCase()] ?? []) {
          response.answers.push({
            name: question.name,
            type: dns2.Packet.TYPE.TXT,
            class: dns2.Packet.CLASS.IN,
            ttl: 60,
            data: chunks(value),
          } as unknown as dns2.Packet.Resource);
        }
      }
      send(response);
    },
  });
  const port = await freePort();
  await server.listen({ udp: { port, address: "127.0.0.1" }, tcp: { port, address: "127.0.0.1" } });
  return { address: `127.0.0.1:${port}`, asked, close: () => server.close() };
}
