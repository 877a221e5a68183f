export interface HttpCallOptions {
  headers?: Record<string, string>;
  /** Sent as is when a string (bad JSON, exactly the signed bytes), JSON-encoded otherwise. */
  body?: unknown;
}

export interface HttpCallResponse {
  status: number;
  headers: Headers;
  /** Parsed when the answer is JSON, the text otherwise (undefined when empty). */
  body: unknown;
}

/** One HTTP call to a service under test, as a client would make it. */
export async function httpCall(
  baseUrl: string,
  method: string,
  path: string,
  options: HttpCallOptions = {},
): Promise<HttpCallResponse> {
  const body =
    options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers };
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: json && text ? JSON.parse(text) : text || undefined,
  };
}
