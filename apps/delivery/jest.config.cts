module.exports = require('../../tools/build/jest-project.config')(__dirname, 'delivery');
