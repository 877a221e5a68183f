import { ApiError, apiErrorOf, apiRequest, setCsrfToken, setUnauthorizedHandler, withQuery } from './client';

function answer(status: number, body?: unknown): Response {
  return {
    ok: status < 400,
    status,
    statusText: status === 404 ? 'Not Found' : 'Error',
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  } as Response;
}

describe('apiRequest', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();

  beforeEach(() => {
    fetchMock.mockReset();
    global.fetch = fetchMock as unknown as typeof fetch;
    setCsrfToken('token-1');
    setUnauthorizedHandler(() => undefined);
  });

  it('sends the CSRF token on a POST but not on a GET, always same-origin', async () => {
    fetchMock.mockResolvedValue(answer(200, { ok: true }));
    await apiRequest('/api/x', { method: 'POST', body: { a: 1 } });
    await apiRequest('/api/y');
    const [post, get] = fetchMock.mock.calls.map(([, init]) => init);
    expect(post.headers).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json' });
    expect(post.body).toBe('{"a":1}');
    expect(get.headers).not.toHaveProperty('x-csrf-token');
    expect(get.credentials).toBe('same-origin');
  });

  it('answers undefined for a 204', async () => {
    fetchMock.mockResolvedValue(answer(204));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('throws the service and message of an error answer', async () => {
    fetchMock.mockResolvedValue(
      answer(404, { statusCode: 404, error: 'Not Found', message: 'no lead', service: 'routing' }),
    );
    await expect(apiRequest('/api/leads/1/routing')).rejects.toEqual(new ApiError(404, 'no lead', 'routing'));
  });

  it('calls the unauthorized handler on a 401', async () => {
    const handler = jest.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValue(answer(401, { statusCode: 401, error: 'Unauthorized', message: 'signed out' }));
    await expect(apiRequest('/api/pipeline')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('apiErrorOf', () => {
  it('joins a list of messages', () => {
    const error = apiErrorOf(400, 'Bad Request', { statusCode: 400, error: 'Bad Request', message: ['a', 'b'] });
    expect(error.message).toBe('a; b');
    expect(error.service).toBeUndefined();
  });

  it('falls back to the status text for a body that is not an error body', () => {
    expect(apiErrorOf(502, 'Bad Gateway', '<html>').message).toBe('Bad Gateway');
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/audit', { before: 'a b', limit: 50, q: '' })).toBe('/api/audit?before=a+b&limit=50');
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
  });
});
