import domainErrors from './domain-errors';
import { bodyGuard, inputGuard } from './input-guard';

export default { 'domain-errors': domainErrors, 'input-guard': inputGuard, 'body-guard': bodyGuard };
