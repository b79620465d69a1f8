import hasRight from './has-right';

export default { 'has-right': hasRight };
