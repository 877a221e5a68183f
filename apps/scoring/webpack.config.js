// The default scoring model is read at boot from models/default-model.yaml beside main.js.
module.exports = require('../../tools/build/service-webpack.config')(__dirname, 'scoring', {
  assets: [{ input: './models', glob: 'default-model.yaml', output: 'models' }],
});
