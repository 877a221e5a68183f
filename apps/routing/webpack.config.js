module.exports = require('../../tools/build/service-webpack.config')(__dirname, 'routing', {
  assets: [{ input: './rules', glob: 'default-rules.yaml', output: 'rules' }],
});
