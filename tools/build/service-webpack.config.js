const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * Webpack config of a NestJS service in apps/<name>. `compiler: 'tsc'` keeps decorator metadata,
 * which Nest's dependency injection needs (esbuild and swc-without-metadata drop it). `assets` are files the
 * service reads at run time, copied into its output (paths relative to the app's folder).
 */
module.exports = function serviceWebpackConfig(appDir, name, { assets = [] } = {}) {
  return {
    output: { path: join(appDir, '../../dist/apps', name), clean: true },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
        assets,
        // Each project's typecheck target checks the types (npm test runs it); the build only compiles.
        typeCheckOptions: false,
      }),
    ],
  };
};
