/**
 * Prints the scrypt hash of a password for CONSOLE_LOCAL_USERS (`name:role:<hash>`):
 *   printf %s 'the password' | npm run -s console:password     (or type it, then Enter)
 *   npm run -s console:password -- 'the password'              (lands in the shell history)
 */
import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../auth/password-hash';

const MIN_LENGTH = 12;

async function main(): Promise<void> {
  const password = process.argv[2] ?? (await firstLineOfStdin());
  if (password.length < MIN_LENGTH) {
    process.stderr.write(`the password needs at least ${MIN_LENGTH} characters\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

void main();
