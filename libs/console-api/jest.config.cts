module.exports = require('../../tools/build/jest-project.config')(__dirname, 'console-api');
