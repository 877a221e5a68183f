import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContactVaultClient, withContact } from './contact-vault.client';

/** A stand-in for ingest's contact endpoint answering `status` with `body`, recording what it was asked. */
async function vaultAnswering(status: number, body: object = {}) {
  const asked: { url?: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((request, response) => {
    asked.push({ url: request.url, headers: request.headers });
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new ContactVaultClient(`http://127.0.0.1:${port}/leads/{leadId}/contact`, 'contact-token-0123', 2000);
  return { client, asked, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('ContactVaultClient', () => {
  it('reads the lead’s contact details with the contact token', async () => {
    const vault = await vaultAnswering(200, { leadId: 'l-1', contact: { email: 'ada@example.com', firstName: 'Ada' } });

    const lookup = await vault.client.lookup('l-1').finally(vault.close);

    expect(lookup).toEqual({ kind: 'found', contact: { email: 'ada@example.com', firstName: 'Ada' } });
    expect(vault.asked[0]).toMatchObject({
      url: '/leads/l-1/contact',
      headers: { authorization: 'Bearer contact-token-0123' },
    });
  });

  it('sends nothing for an erased lead (410) or one without details (404)', async () => {
    for (const [status, why] of [
      [410, 'erased'],
      [404, 'no contact recorded'],
    ] as const) {
      const vault = await vaultAnswering(status, { message: 'gone' });
      await expect(vault.client.lookup('l-2').finally(vault.close)).resolves.toEqual({ kind: 'none', why });
    }
  });

  it('fails on any other answer, so the attempt is retried rather than sent without the details', async () => {
    const vault = await vaultAnswering(503);

    await expect(vault.client.lookup('l-3').finally(vault.close)).rejects.toThrow('contact vault answered 503');
  });
});

describe('withContact', () => {
  it('adds the details under contact, and leaves the event as it was when there are none', () => {
    const event = JSON.stringify({ eventId: 'e-1', leadId: 'l-1' });

    expect(JSON.parse(withContact(event, { kind: 'found', contact: { email: 'ada@example.com' } }))).toEqual({
      eventId: 'e-1',
      leadId: 'l-1',
      contact: { email: 'ada@example.com' },
    });
    expect(withContact(event, { kind: 'none', why: 'erased' })).toBe(event);
  });
});
