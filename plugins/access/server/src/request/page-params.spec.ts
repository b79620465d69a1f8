import { InvalidError } from '../errors/domain-errors';
import { pageParams, pagination } from './page-params';

describe('pageParams', () => {
  it('defaults to the first page of 25', () => {
    expect(pageParams({})).toEqual({ page: 1, pageSize: 25 });
    expect(pageParams({ page: '3', pageSize: '100' })).toEqual({ page: 3, pageSize: 100 });
  });

  it.each([
    [{ page: 'x' }, 'page must be an integer from 1 to 1000000, got "x"'],
    [{ page: '0' }, 'page must be an integer from 1 to 1000000, got "0"'],
    [{ pageSize: '101' }, 'pageSize must be an integer from 1 to 100, got "101"'],
    [{ pageSize: ['1', '2'] }, 'pageSize must be an integer from 1 to 100, got "1,2"'],
  ])('refuses %j', (query, message) => {
    expect(() => pageParams(query)).toThrow(new InvalidError(message));
    expect(() => pageParams(query)).toThrow(InvalidError);
  });

  it('counts pages', () => {
    expect(pagination({ page: 2, pageSize: 3 }, 4)).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
    expect(pagination({ page: 1, pageSize: 25 }, 0)).toEqual({ page: 1, pageSize: 25, pageCount: 0, total: 0 });
  });
});
