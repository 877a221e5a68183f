import { checkResolvedTarget, isPublicAddress, urlProblem } from './target-policy';

describe('webhook target policy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
  ])('refuses the non-public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses what is not an IP address', () => {
    expect(isPublicAddress('localhost')).toBe(false);
  });

  it('asks for https unless private targets are allowed', () => {
    expect(urlProblem('http://example.com/hook', { allowPrivate: false })).toBe('must be an https URL');
    expect(urlProblem('https://example.com/hook', { allowPrivate: false })).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:8080/hook', { allowPrivate: true })).toBeUndefined();
    expect(urlProblem('ftp://example.com', { allowPrivate: true })).toBe('must be an https URL');
    expect(urlProblem('not a url', { allowPrivate: true })).toBe('must be an absolute URL');
    expect(urlProblem('https://user:pw@example.com', { allowPrivate: false })).toBe('must not carry credentials');
  });

  it('refuses a host name that resolves to loopback', async () => {
    await expect(checkResolvedTarget('https://localhost/hook', { allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(checkResolvedTarget('https://[::1]/hook', { allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(checkResolvedTarget('https://localhost/hook', { allowPrivate: true })).resolves.toBeUndefined();
  });
});
