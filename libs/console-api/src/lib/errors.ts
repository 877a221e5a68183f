/** Every 4xx/5xx from `/api` and `/auth`: the services' error shape, passed through or made here. */
export interface ConsoleErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Set when the answer came from a service: which one, so the page can say "routing did not answer". */
  service?: string;
}
