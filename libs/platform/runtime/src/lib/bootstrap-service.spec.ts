import { gzipSync } from 'node:zlib';
import { Body, Controller, HttpCode, Module, Post, Req } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger } from '@handoff/platform-observability';
import { createServiceApp } from './bootstrap-service';

@Controller()
class EchoController {
  @Post(['loose', 'strict'])
  @HttpCode(200)
  echo(@Body() body: unknown, @Req() request: { rawBody?: Buffer }) {
    return { body, rawBytes: request.rawBody?.length ?? 0 };
  }
}

@Module({
  controllers: [EchoController],
  providers: [
    { provide: JsonLogger, useValue: new JsonLogger({ service: 'echo', level: 'error', write: () => undefined }) },
  ],
})
class EchoModule {}

const LIMIT = 1024;
let app: NestExpressApplication;
let baseUrl: string;

beforeAll(async () => {
  app = await createServiceApp(EchoModule, { jsonBodyLimit: () => LIMIT, jsonUnderAnyContentType: ['/loose'] });
  await app.listen(0, '127.0.0.1');
  baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app.close();
});

async function post(path: string, body: Buffer | string, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', body, headers });
  return { status: response.status, body: (await response.json()) as unknown };
}

const payload = JSON.stringify({ batch: [{ type: 'track', event: 'Signed Up' }] });

describe('createServiceApp with jsonUnderAnyContentType', () => {
  it('reads a gzipped JSON body labelled as form data as JSON on the listed routes, keeping the inflated raw body', async () => {
    const response = await post('/loose', gzipSync(payload), {
      'content-type': 'application/x-www-form-urlencoded',
      'content-encoding': 'gzip',
    });

    expect(response).toEqual({ status: 200, body: { body: JSON.parse(payload), rawBytes: payload.length } });
  });

  it('reads a JSON body sent without any content type on the listed routes', async () => {
    const response = await post('/loose', Buffer.from(payload), {});

    expect(response.body).toEqual({ body: JSON.parse(payload), rawBytes: payload.length });
  });

  it('applies the size limit to the inflated body, so a small gzip of a large body is a 413', async () => {
    const large = JSON.stringify({ notes: 'x'.repeat(LIMIT * 4) });
    const compressed = gzipSync(large);

    const response = await post('/loose', compressed, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });

    expect(compressed.length).toBeLessThan(LIMIT);
    expect(response.status).toBe(413);
  });

  it('keeps other routes to their content types: form data is not read as JSON there', async () => {
    const response = await post('/strict', payload, { 'content-type': 'application/x-www-form-urlencoded' });

    expect(response.body).not.toEqual(expect.objectContaining({ body: JSON.parse(payload) }));
  });
});

describe('createServiceApp with textBodies', () => {
  const CSV_LIMIT = 4 * LIMIT;
  let csvApp: NestExpressApplication;
  let csvUrl: string;

  beforeAll(async () => {
    csvApp = await createServiceApp(EchoModule, {
      jsonBodyLimit: () => LIMIT,
      textBodies: [{ mediaTypes: ['text/csv'], limit: () => CSV_LIMIT }],
    });
    await csvApp.listen(0, '127.0.0.1');
    csvUrl = (await csvApp.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await csvApp.close();
  });

  const postCsv = async (body: string) => {
    const response = await fetch(`${csvUrl}/strict`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    return { status: response.status, body: (await response.json()) as { body?: unknown; message?: string } };
  };

  it('reads a body of a listed media type as a string, under its own limit rather than the JSON one', async () => {
    const csv = `id,name\n${'a,b\n'.repeat(LIMIT / 2)}`;

    const response = await postCsv(csv);

    expect(csv.length).toBeGreaterThan(LIMIT);
    expect(response.status).toBe(200);
    expect(response.body.body).toBe(csv);
  });

  it('answers 413 with the one error shape when such a body is over its limit', async () => {
    const response = await postCsv('x'.repeat(CSV_LIMIT + 1));

    expect(response.status).toBe(413);
    expect(response.body.message).toContain(`${CSV_LIMIT} bytes`);
  });
});
