const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::bs-fault.bs-fault');
