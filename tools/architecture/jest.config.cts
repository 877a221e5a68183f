module.exports = require('../../tools/build/jest-project.config')(__dirname, 'architecture', { testTimeout: 60000 });
