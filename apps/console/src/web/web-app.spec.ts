import { join, resolve } from 'node:path';
import { webDirOf } from './web-app';

describe("where the web app's build is", () => {
  it("is console-web beside the backend's own build when CONSOLE_WEB_DIR is unset", () => {
    expect(webDirOf(undefined, '/srv/dist/apps/console')).toBe(join('/srv/dist/apps/console-web'));
  });

  it('is CONSOLE_WEB_DIR, resolved against the working directory, when set', () => {
    expect(webDirOf('web/build', '/srv/dist/apps/console')).toBe(resolve('web/build'));
  });
});
