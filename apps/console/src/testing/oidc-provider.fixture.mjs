// A real OpenID provider (oidc-provider) for the console's OIDC integration test, run in its own Node process
// (oidc-provider is ESM-only). Every interaction signs in `ada`, member of the admin group, and consents.
//   node oidc-provider.fixture.mjs <port> <client id> <client secret> <redirect uri> <admin group>
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri, adminGroup] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const ACCOUNT = { sub: 'ada', name: 'Ada Lovelace', email: 'ada@example.test', groups: ['staff', adminGroup] };

const provider = new Provider(issuer, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
  claims: { openid: ['sub', 'groups'], profile: ['name'], email: ['email'] },
  // The groups claim in the ID token itself, where the console reads it.
  conformIdTokenClaims: false,
  cookies: { keys: ['console-oidc-int-test-cookie-key'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ ...ACCOUNT, sub: id }) }),
});

const handle = provider.callback();

async function interact(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: ACCOUNT.sub } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

createServer((req, res) => {
  if (req.url?.startsWith('/interaction/'))
    interact(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  else handle(req, res);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
