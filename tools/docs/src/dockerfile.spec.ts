import { readWorkspaceFile } from './declared-settings';

// What the image promises (README "Images"), read from the Dockerfile; scripts/image/build-without-docker.sh runs
// its stages, and builds it where a Docker engine answers.
const dockerfile = readWorkspaceFile('Dockerfile');
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));
const lastStage = instructions.slice(instructions.map((line) => line.startsWith('FROM ')).lastIndexOf(true));

describe('Dockerfile', () => {
  it('starts every stage from a Node LTS slim image pinned by digest', () => {
    const base = /^ARG NODE_IMAGE=(.+)$/m.exec(dockerfile)?.[1];
    expect(base).toMatch(/^node:(22|24)-[a-z]+-slim@sha256:[0-9a-f]{64}$/);
    const stages = instructions.filter((line) => line.startsWith('FROM '));
    expect(stages).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
  });

  it('runs the build and runtime stages through the scripts build-without-docker.sh also runs', () => {
    expect(instructions).toContainEqual(
      expect.stringMatching(/^RUN .*sh scripts\/image\/build-app\.sh "\$\{APP\}" \/out$/),
    );
    expect(lastStage).toContainEqual(expect.stringMatching(/^RUN .*sh \S*install-runtime-deps\.sh \/app$/));
    expect(readWorkspaceFile('scripts/image/install-runtime-deps.sh')).toMatch(/^npm ci --omit=dev /m);
    expect(readWorkspaceFile('scripts/image/build-without-docker.sh')).toMatch(/install-runtime-deps\.sh/);
  });

  it('runs as a numeric non-root user, with source maps, and takes the command as arguments of main.js', () => {
    expect(lastStage).toContainEqual(expect.stringMatching(/^USER [1-9]\d*:[1-9]\d*$/));
    expect(lastStage).toContainEqual(expect.stringMatching(/^ENV .*NODE_OPTIONS=--enable-source-maps/));
    expect(lastStage).toContainEqual('ENTRYPOINT ["node", "main.js"]');
    expect(lastStage).toContainEqual('CMD ["serve"]');
  });

  it('points the console at the web app that build-app.sh copies beside its main.js', () => {
    expect(lastStage).toContainEqual(expect.stringMatching(/^ENV .*CONSOLE_WEB_DIR=\/app\/console-web(\s|$)/));
    expect(readWorkspaceFile('scripts/image/build-app.sh')).toMatch(
      /cp -R dist\/apps\/console-web "\$\{out\}\/console-web"/,
    );
  });
});
