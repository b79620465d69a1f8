const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::bs-fault.bs-fault');
