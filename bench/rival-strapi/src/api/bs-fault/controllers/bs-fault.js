const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::bs-fault.bs-fault');
