// The shipped CRM mappings are read at boot from mappings/crm-mappings.yaml beside main.js.
module.exports = require('../../tools/build/service-webpack.config')(__dirname, 'ingest', {
  assets: [{ input: './mappings', glob: 'crm-mappings.yaml', output: 'mappings' }],
});
