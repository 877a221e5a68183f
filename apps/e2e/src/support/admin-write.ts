import type { StackService } from '@handoff/testing';

/** An operator's write that must answer `status`; fails naming the call and what came back otherwise. */
export async function adminWrite(
  service: StackService,
  method: 'PUT' | 'POST',
  path: string,
  body: object,
  status: number,
): Promise<void> {
  const answer = await service.admin(path, body, method);
  if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
}
